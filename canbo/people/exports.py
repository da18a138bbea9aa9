"""Export of a filtered person list to .xlsx, run as a job on the queue: one query, streamed rows (openpyxl
write-only, constant memory), Vietnamese headers."""

from django.core.exceptions import ValidationError

from canbo.core.db_router import replica_reads
from canbo.core.paging import apply_sort, sort_from_query
from canbo.core.xlsx import write_columns
from canbo.jobs.exports import register_export

from .choices import ETHNICITY_CHOICES, Gender, PersonnelCategory, PersonStatus
from .forms import PersonListFilterForm
from .selectors import PERSON_DEFAULT_SORT, PERSON_SORT_COLUMNS, person_list
from .signals import persons_exported

PERSON_EXPORT = "people.persons"

_GENDERS = Gender.choices
_ETHNICITIES = ETHNICITY_CHOICES
_CATEGORIES = PersonnelCategory.choices
_STATUSES = PersonStatus.choices
# (header, column width, values() field, how to show the value: "date", "decimal", choices or as is)
COLUMNS = [
    ("Mã hồ sơ", 12, "code", None),
    ("Họ và tên", 28, "full_name", None),
    ("Ngày sinh", 12, "date_of_birth", "date"),
    ("Giới tính", 9, "gender", _GENDERS),
    ("Dân tộc", 12, "ethnicity", _ETHNICITIES),
    ("Số định danh cá nhân", 16, "national_id", None),
    ("Phân loại", 18, "category", _CATEGORIES),
    ("Đơn vị công tác", 36, "current_unit__name", None),
    ("Mã đơn vị", 12, "current_unit__code", None),
    ("Chức vụ", 24, "position__name", None),
    ("Mã ngạch", 11, "rank__code", None),
    ("Bậc lương", 9, "salary_step", None),
    ("Hệ số lương", 11, "salary_coefficient", "decimal"),
    ("Ngày vào Đảng", 13, "party_admission_date", "date"),
    ("Tình trạng", 18, "status", _STATUSES),
    ("Ngày thay đổi tình trạng", 13, "status_date", "date"),
]
HEADERS = [c[0] for c in COLUMNS]


def write_persons_xlsx(persons, fileobj, progress=None) -> int:
    """Write the persons (a queryset, already ordered and scoped) to `fileobj`; return the row count."""
    return write_columns(
        fileobj, title="Danh sách cán bộ", columns=COLUMNS, queryset=persons, progress=progress
    )


def write_person_export(*, user, query, fileobj, progress) -> int:
    """The person list's "Xuất Excel": the list page's filters and order, within what the user may see now."""
    form = PersonListFilterForm(query, user=user)
    if not form.is_valid():
        raise ValidationError([str(e) for errors in form.errors.values() for e in errors])
    with replica_reads():
        persons = person_list(user=user, filters=form.filters())
        persons = apply_sort(persons, sort_from_query(query, PERSON_SORT_COLUMNS, PERSON_DEFAULT_SORT))
        count = write_persons_xlsx(persons, fileobj, progress)
        exported = list(persons.order_by().values_list("pk", "current_unit_id", "user_id"))
    # each person whose record left in the file is told who took it (NĐ 27/2026: every access is logged)
    persons_exported.send(sender=write_person_export, user=user, persons=exported)
    return count


register_export(
    PERSON_EXPORT,
    title="Danh sách cán bộ",
    filename="danh-sach-can-bo-{date}.xlsx",
    write=write_person_export,
)
