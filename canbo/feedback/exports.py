"""Excel export of the feedback the user is entitled to handle, run as a job on the queue: the list page's
filters, one streamed query, every text (the citizen's name and words included) written as text."""

from django.core.exceptions import ValidationError

from canbo.core.db_router import replica_reads
from canbo.core.xlsx import write_table
from canbo.jobs.exports import register_export
from canbo.jobs.registry import JobFailed

from .forms import FeedbackFilterForm
from .selectors import can_list_feedback, feedback_list

FEEDBACK_EXPORT = "feedback.feedback"
NO_ACCESS = "Anh/chị không còn được giao xử lý phản ánh, kiến nghị."
HEADERS = [
    "STT", "Ngày tiếp nhận", "Nguồn", "Người phản ánh", "Cán bộ bị phản ánh", "Đơn vị", "Nội dung", "Hạn xử lý",
    "Trạng thái", "Người xử lý", "Kết luận", "Ngày kết luận", "Đúng hạn",
]  # fmt: skip
IN_TIME = {True: "Có", False: "Không", None: ""}


def feedback_rows(items):
    for f in items.iterator(chunk_size=2000):
        yield [
            f.received_on, f.get_channel_display(), f.sender, f.subject_person.full_name if f.subject_person else "",
            f.unit.name, f.content, f.deadline, f.get_status_display(), f.handler.username if f.handler else "",
            f.get_conclusion_display(), f.closed_on, IN_TIME[f.handled_in_time],
        ]  # fmt: skip


def write_feedback_export(*, user, query, fileobj, progress) -> int:
    """The feedback list's "Xuất Excel": its filters, within what the user may handle now (never about
    themselves)."""
    if not can_list_feedback(user):
        raise JobFailed(NO_ACCESS)
    form = FeedbackFilterForm(query)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    with replica_reads():
        items = feedback_list(user=user, filters=form.cleaned_data)
        return write_table(
            fileobj,
            title="Phản ánh",
            headers=HEADERS,
            rows=feedback_rows(items),
            total=items.count(),
            progress=progress,
        )


register_export(
    FEEDBACK_EXPORT, title="Phản ánh, kiến nghị", filename="phan-anh.xlsx", write=write_feedback_export
)
