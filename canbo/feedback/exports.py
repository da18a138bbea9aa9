"""Excel export of the feedback the user is entitled to handle, run as a job on the queue: the list page's
filters, one streamed query, every text (the citizen's name and words included) written as text."""

from django.core.exceptions import ValidationError

from canbo.core.paging import apply_sort, sort_from_query
from canbo.jobs.exports import register_list_export
from canbo.jobs.registry import JobFailed

from .forms import FeedbackFilterForm
from .selectors import FEEDBACK_SORT_COLUMNS, can_list_feedback, feedback_list

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


def _feedback(user, query):
    """The feedback list's "Xuất Excel": its filters, within what the user may handle now (never about
    themselves)."""
    if not can_list_feedback(user):
        raise JobFailed(NO_ACCESS)
    form = FeedbackFilterForm(query)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    items = feedback_list(user=user, filters=form.cleaned_data)
    return apply_sort(items, sort_from_query(query, FEEDBACK_SORT_COLUMNS, "-tiep_nhan"))


register_list_export(
    FEEDBACK_EXPORT,
    title="Phản ánh, kiến nghị",
    filename="phan-anh.xlsx",
    sheet="Phản ánh",
    headers=HEADERS,
    select=_feedback,
    rows=feedback_rows,
    person_field="subject_person",
)
