"""The highest award among a person's awards, by the ranking stored as data (AwardFormRank)."""

from .models import Award, AwardFormRank


def award_ranks() -> dict[str, int]:
    """{form: rank} in one query; a form without a row ranks lowest."""
    return dict(AwardFormRank.objects.values_list("form", "rank"))


def highest_award(awards: list[Award]) -> Award | None:
    """The award of the highest form; among equal forms, the later decision. None when there is none."""
    if not awards:
        return None
    ranks = award_ranks()
    return max(awards, key=lambda a: (ranks.get(a.form, 0), a.decision_date, a.pk or 0))
