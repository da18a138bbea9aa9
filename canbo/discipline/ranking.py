"""The heaviest sanction among a person's records, by the ranking stored as data (DisciplineFormRank)."""

from .models import DisciplineFormRank, DisciplineRecord


def discipline_ranks() -> dict[str, int]:
    """{form: rank} in one query; a form without a row ranks lowest."""
    return dict(DisciplineFormRank.objects.values_list("form", "rank"))


def heaviest_record(records: list[DisciplineRecord]) -> DisciplineRecord | None:
    """The record of the heaviest form; among equal forms, the later decision. None when there is none."""
    if not records:
        return None
    ranks = discipline_ranks()
    return max(records, key=lambda r: (ranks.get(r.form, 0), r.decided_on, r.pk or 0))
