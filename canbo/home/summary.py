"""The official's own home: what is theirs to do or to check, composed from the apps' selectors."""

from datetime import date

from django.db.models import Q

from canbo.dossier.selectors import family_of, photo_of
from canbo.evaluation.models import SheetStatus
from canbo.evaluation.selectors import my_sheets
from canbo.people.models import ChangeRequestStatus, Person
from canbo.salary.selectors import next_raise_for
from canbo.surveys.selectors import pending_invitation_count

# The profile's parts an official is asked to keep filled (label shown when missing).
PROFILE_FIELDS = (
    ("place_of_birth", "nơi sinh"),
    ("place_of_origin", "quê quán"),
    ("address", "nơi ở hiện nay"),
    ("phone", "điện thoại"),
    ("email", "thư điện tử"),
    ("rank_id", "ngạch, chức danh nghề nghiệp"),
    ("recruited_on", "ngày tuyển dụng"),
)


def profile_gaps(person: Person) -> tuple[list[str], int]:
    """(labels of what is missing, completeness in %) over the profile fields, qualifications, family and photo."""
    missing = [label for field, label in PROFILE_FIELDS if not getattr(person, field)]
    if not person.qualifications.exists():
        missing.append("trình độ chuyên môn")
    if not family_of(person=person):
        missing.append("quan hệ gia đình")
    if photo_of(person=person) is None:
        missing.append("ảnh")
    checked = len(PROFILE_FIELDS) + 3
    return missing, round(100 * (checked - len(missing)) / checked)


def official_summary(*, user, person: Person, today: date) -> dict:
    missing, completeness = profile_gaps(person)
    sheets = list(my_sheets(user=user).filter(campaign__status="OPEN").select_related("campaign"))
    courses = list(
        person.enrolments.select_related("programme")
        .filter(Q(end_date__gte=today) | Q(end_date__isnull=True))
        .order_by("start_date")[:5]
    )
    return {
        "person": person,
        "missing": missing,
        "completeness": completeness,
        "pending_requests": person.change_requests.filter(status=ChangeRequestStatus.PENDING).count(),
        "sheets_to_fill": [s for s in sheets if s.status == SheetStatus.PENDING],
        "sheets_open": sheets,
        "pending_surveys": pending_invitation_count(user=user),
        "courses": courses,
        # the next regular raise (next step, or vượt khung at the top step), None without a salary history
        "next_raise": next_raise_for(person, on=today),
    }
