"""Put a seed province's files in through the doors a user has: `import_xlsx` for the workbooks (all or nothing,
every error listed) and, for the yearly plans, the plan services (`plans.load_plans`)."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from .plans import load_plans


def import_seed(
    paths: list[Path], *, username: str, plan_users: dict | None = None, owner_code: str = ""
) -> str:
    """Import the files in order as `username` (a member of the province board: the import names who recorded the
    awards and the movements); `plan_users` (drafter, appraiser, approver) for a plan file. Returns the commands'
    output."""
    out = StringIO()
    for path in paths:
        if path.stem.endswith("ke-hoach"):
            load_plans(path, owner_code=owner_code, **(plan_users or {}))
            continue
        call_command("import_xlsx", str(path), "--no-progress", "--user", username, stdout=out, stderr=out)
    return out.getvalue()
