"""Reading a survey's free-text answers without identifying anyone.

Who: the survey's owner (its creator, while they still read cadre work) and the province board; any other
reader of the survey is refused (403): a text can name its author or someone else, so it is not shown as
widely as the counts.

What: the texts of one free-text question, per display group of canbo.surveys.results (units with fewer
than MIN_GROUP responses merged upwards, the same groups as the results page for the same reader). The texts
of a group are shown only when the group holds at least MIN_GROUP responses; nothing is shown for the whole
scope (the whole minus the shown groups would give a small group away). No timestamp (the data model keeps
none), no respondent, and an order that is neither insertion order nor answer order: each text is sorted by
a keyed hash of the survey and its random id, so the order is the same on every reading of the survey.
"""

import hashlib
import hmac
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.org.models import OrgUnit

from .choices import MIN_GROUP, QuestionKind
from .models import Answer, Question, Survey
from .results import Group, survey_grouping

PREVIEW_CHARS = 200
TEXTS_REFUSED = (
    "Chỉ người lập phiếu khảo sát và Ban Tổ chức Tỉnh ủy / Sở Nội vụ được đọc câu trả lời tự do "
    "(nội dung tự do có thể làm lộ người viết)."
)


def may_read_texts(user, survey: Survey) -> bool:
    if not reads_cadre_work(user):
        return False
    return survey.created_by_id == user.pk or has_role(user, Role.PROVINCE_BOARD)


def text_question_get(*, survey: Survey, pk) -> Question:
    """A free-text question of this survey, else 404."""
    return get_object_or_404(survey.questions.filter(kind=QuestionKind.TEXT), pk=pk)


def shuffle_key(survey: Survey, answer_id) -> str:
    """A per-survey order that hides the order of answering (keyed: it cannot be recomputed outside)."""
    message = f"survey-text:{survey.pk}:{answer_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


@dataclass
class TextItem:
    text: str

    @property
    def preview(self) -> str:
        if len(self.text) <= PREVIEW_CHARS:
            return self.text
        return self.text[:PREVIEW_CHARS].rstrip() + "…"

    @property
    def truncated(self) -> bool:
        return len(self.text) > PREVIEW_CHARS


@dataclass
class TextGroup:
    group: Group
    texts: list[TextItem] = field(default_factory=list)


def survey_texts(*, user, survey: Survey, question: Question, within: OrgUnit | None = None) -> dict:
    """The texts of `question` per shown group (see the module's rules); PermissionDenied when not entitled."""
    if not may_read_texts(user, survey):
        raise PermissionDenied(TEXTS_REFUSED)
    if question.survey_id != survey.pk or question.kind != QuestionKind.TEXT:
        raise PermissionDenied("Chỉ đọc được câu trả lời của câu hỏi tự do thuộc phiếu này.")
    grouping = survey_grouping(user=user, survey=survey, within=within)
    shown = {g.unit.pk: TextGroup(group=g) for g in grouping.groups if g.shown}
    rows = (
        Answer.objects.filter(
            response__in=grouping.answered.values("pk"), question=question, choice__isnull=True
        )
        .exclude(text="")
        .values_list("id", "text", "response__unit_id")
        .order_by()
    )
    keyed = []
    for answer_id, text, unit_id in rows:
        target = shown.get(grouping.owner.get(unit_id))
        if target is not None:
            keyed.append((shuffle_key(survey, answer_id), target, text))
    for _key, target, text in sorted(keyed, key=lambda row: row[0]):
        target.texts.append(TextItem(text=text))
    hidden = [g for g in grouping.groups if not g.shown and g.responses]
    return {
        "min_group": MIN_GROUP,
        "question": question,
        "groups": list(shown.values()),
        "hidden_groups": len(hidden),
        "hidden_responses": sum(g.responses for g in hidden),
        "text_count": len(keyed),
    }
