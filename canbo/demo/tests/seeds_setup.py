"""Writes a seed province's files and imports them as a user would (shared by the small and the full-scale tests)."""

from canbo.accounts.models import Role
from canbo.demo.seeds import write_seed
from canbo.demo.seeds.loading import import_seed
from tests.factories import UserFactory, grant


def plan_users() -> dict:
    """The three people the plan workflow needs: two of the province board (the one who submits may not appraise)
    and a member of the Standing Committee."""
    return {
        "drafter": grant(UserFactory(username="seed_bantochuc"), Role.PROVINCE_BOARD),
        "appraiser": grant(UserFactory(username="seed_thamdinh"), Role.PROVINCE_BOARD),
        "approver": grant(UserFactory(username="seed_thuongvu"), Role.STANDING_COMMITTEE),
    }


def load_seed(seed: str, folder, *, scale: float = 1.0):
    """Write and import seed `seed`; returns (the builder, the import commands' output)."""
    paths, builder = write_seed(seed, folder, scale=scale)
    users = plan_users()
    output = import_seed(
        paths,
        username=users["drafter"].username,
        plan_users=users if seed == "000" else None,
        owner_code=f"{builder.p.prefix}_SNV",
    )
    return builder, output
