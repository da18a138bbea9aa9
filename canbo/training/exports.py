"""The training module's Excel exports, run as jobs on the queue (canbo.jobs.exports): the enrolment list
(lượt học, one query, streamed rows), a plan's workbook and its achievement. Each write function re-checks
the starter's access and the page's filters when the job runs."""

from django.core.exceptions import ValidationError

from canbo.accounts.access import reads_cadre_work
from canbo.core.db_router import replica_reads
from canbo.core.paging import apply_sort, sort_from_query
from canbo.core.xlsx import write_columns
from canbo.jobs.exports import log_personal_export, register_export
from canbo.jobs.registry import JobFailed

from .choices import EnrolmentResult, TrainingMode, Venue
from .excel.plan import achievement_workbook, plan_workbook
from .forms import EnrolmentFilterForm
from .selectors import ENROLMENT_DEFAULT_SORT, ENROLMENT_SORT_COLUMNS, enrolment_list, plan_queryset_for
from .views.access import NO_ACCESS

ENROLMENT_EXPORT = "training.enrolments"
PLAN_EXPORT = "training.plan"
ACHIEVEMENT_EXPORT = "training.plan_achievement"

# (header, column width, values() field, how to show it: "date", a choices list, or as is)
COLUMNS = [
    ("Mã hồ sơ", 12, "person__code", None),
    ("Họ và tên", 28, "person__full_name", None),
    ("Ngày sinh", 12, "person__date_of_birth", "date"),
    ("Đơn vị khi cử đi học", 36, "unit__name", None),
    ("Mã đơn vị", 12, "unit__code", None),
    ("Mã chương trình", 18, "programme__code", None),
    ("Chương trình", 36, "programme__name", None),
    ("Mã lớp", 14, "training_class__code", None),
    ("Hệ", 16, "mode", TrainingMode.choices),
    ("Trong nước / nước ngoài", 14, "venue", Venue.choices),
    ("Ngày bắt đầu", 12, "start_date", "date"),
    ("Ngày kết thúc", 12, "end_date", "date"),
    ("Kết quả", 16, "result", EnrolmentResult.choices),
    ("Ngày có kết quả", 12, "result_date", "date"),
    ("Số văn bằng, chứng chỉ", 18, "certificate_number", None),
    ("Kinh phí (đồng)", 14, "cost", None),
]


def _require_staff(user) -> None:
    """The pages' gate, again when the job runs: a role withdrawn since the click exports nothing."""
    if not reads_cadre_work(user):
        raise JobFailed(NO_ACCESS)


def write_enrolments_xlsx(enrolments, fileobj, progress=None) -> int:
    """Write the enrolments (a scoped, ordered queryset) to `fileobj`; return the row count."""
    return write_columns(
        fileobj, title="Lượt đào tạo, bồi dưỡng", columns=COLUMNS, queryset=enrolments, progress=progress
    )


def write_enrolment_export(*, user, query, fileobj, progress) -> int:
    """The enrolment list's "Xuất Excel": the page's filters and order, within what the user may see now."""
    _require_staff(user)
    form = EnrolmentFilterForm(query, user=user)
    if not form.is_valid():
        raise ValidationError([str(e) for errors in form.errors.values() for e in errors])
    with replica_reads():
        enrolments = enrolment_list(user=user, filters=form.filters())
        enrolments = apply_sort(
            enrolments, sort_from_query(query, ENROLMENT_SORT_COLUMNS, ENROLMENT_DEFAULT_SORT)
        )
        count = write_enrolments_xlsx(enrolments, fileobj, progress)
        person_ids = list(enrolments.order_by().values_list("person_id", flat=True))
    log_personal_export(key=ENROLMENT_EXPORT, user=user, person_ids=person_ids)
    return count


def _plan(user, query):
    try:
        pk = int(query.get("plan", ""))
    except ValueError:
        raise ValidationError("Chưa chọn kế hoạch đào tạo, bồi dưỡng.") from None
    plan = plan_queryset_for(user=user).filter(pk=pk).first()
    if plan is None:
        raise ValidationError("Không tìm thấy kế hoạch đào tạo, bồi dưỡng trong phạm vi được xem.")
    return plan


def _write_plan_book(build, *, user, query, fileobj, progress) -> int:
    _require_staff(user)
    plan = _plan(user, query)
    progress("Đang tính số liệu kế hoạch", 0, 0, unit="dòng")
    with replica_reads():
        workbook = build(user=user, plan=plan)
    progress("Đang lưu tệp", 0, 0, unit="dòng")
    workbook.save(fileobj)
    return plan.lines.count()


def write_plan_export(*, user, query, fileobj, progress) -> int:
    """A plan's workbook: lines with target and achievement, the per-unit breakdown, the workflow log."""
    return _write_plan_book(plan_workbook, user=user, query=query, fileobj=fileobj, progress=progress)


def write_achievement_export(*, user, query, fileobj, progress) -> int:
    """A plan's achievement alone (lines and units), as the user's scope sees it."""
    return _write_plan_book(achievement_workbook, user=user, query=query, fileobj=fileobj, progress=progress)


register_export(
    ENROLMENT_EXPORT,
    title="Lượt đào tạo, bồi dưỡng",
    filename="luot-dao-tao-boi-duong-{date}.xlsx",
    write=write_enrolment_export,
)
register_export(
    PLAN_EXPORT,
    title="Kế hoạch đào tạo, bồi dưỡng",
    filename="ke-hoach-dao-tao-{date}.xlsx",
    write=write_plan_export,
)
register_export(
    ACHIEVEMENT_EXPORT,
    title="Kết quả thực hiện kế hoạch đào tạo, bồi dưỡng",
    filename="ket-qua-ke-hoach-dao-tao-{date}.xlsx",
    write=write_achievement_export,
)
