"""Bulk enrolment from a filtered person list, as a job on the queue: the page checks the filters and the count
the user saw, the job (kind "training.enrol_bulk") enrols them all or nobody with services.enrol_bulk, as the
user who clicked, and its page says how many were enrolled and links to the batch.

A filter such as "everyone working in Sở X" can match thousands of people: the work is not done inside the
request."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse

from canbo.accounts.access import records_cadre_work
from canbo.jobs.models import Job
from canbo.jobs.registry import JobFailed, register
from canbo.jobs.services import job_record_result, job_submit
from canbo.people.choices import PersonStatus
from canbo.people.forms import PersonListFilterForm
from canbo.people.selectors import person_list

from .models import EnrolmentBatch
from .selectors import class_queryset_for
from .services import enrol_bulk
from .views.access import READ_ONLY

ENROL_BULK = "training.enrol_bulk"
# The register's filters that make sense here: people working today (the services enrol no one else).
DROPPED_FILTERS = ("status", "on")
NO_FILTER = "Hãy chọn ít nhất một điều kiện lọc (đơn vị, phân loại, trình độ, …) trước khi ghi danh."
CHANGED = "Danh sách đã thay đổi từ lúc xem ({expected} người, nay {count} người): hãy xem lại danh sách rồi ghi danh."


def filter_form(data, *, user) -> PersonListFilterForm:
    form = PersonListFilterForm(data, user=user)
    for name in DROPPED_FILTERS:
        del form.fields[name]
    return form


def criteria(data, form) -> dict:
    """The filters as typed (codes, dd/mm/yyyy), kept on the batch so its page can say whom it took."""
    return {k: v for k, v in data.items() if k in form.fields and v}


def matching(data, form, *, user):
    """The working people the filters match in the user's units; None without a valid filter."""
    if not form.is_valid() or not criteria(data, form):
        return None
    return person_list(user=user, filters={**form.filters(), "status": PersonStatus.WORKING})


def enrol_bulk_start(*, actor, klass, query: str, expected: int | None, skip_existing: bool) -> Job:
    """Queue the enrolment of the people `query` matches; the caller checked the filters and the count."""
    return job_submit(
        kind=ENROL_BULK,
        title=f"Ghi danh theo danh sách lọc vào lớp {klass.code}",
        actor=actor,
        params={"class": klass.pk, "query": query, "expected": expected, "skip_existing": skip_existing},
    )


def _report(job, batch: EnrolmentBatch) -> None:
    klass = batch.training_class
    skipped = batch.criteria.get("skipped", 0)
    job.message = f"Đã ghi danh {batch.enrolled:,} người vào lớp {klass.code}".replace(",", ".")
    job.message += f"; bỏ qua {skipped:,} người đã có trong lớp.".replace(",", ".") if skipped else "."
    job.result = {
        **job.result,
        "enrolled": batch.enrolled,
        "skipped": skipped,
        "link": reverse("training:batch_detail", args=[klass.pk, batch.pk]),
        "link_label": "Xem kết quả ghi danh",
    }


def enrol_persons_start(*, actor, klass, person_ids: list[int], skip_existing: bool) -> Job:
    """The API's door: queue the enrolment of the people it named (ids in the user's scope, checked)."""
    return job_submit(
        kind=ENROL_BULK,
        title=f"Ghi danh {len(person_ids):,} người vào lớp {klass.code}".replace(",", "."),
        actor=actor,
        params={"class": klass.pk, "person_ids": person_ids, "skip_existing": skip_existing},
    )


def _filtered(job, progress, *, user):
    """The page's door: the people its filters match now, refused if the count moved since the click."""
    data = QueryDict(job.params.get("query", ""))
    form = filter_form(data, user=user)
    persons = matching(data, form, user=user)
    if persons is None:
        raise JobFailed(NO_FILTER if form.is_valid() else "Bộ lọc không hợp lệ.")
    progress("Đang kiểm tra danh sách", 0, 0, unit="người")
    count = persons.count()
    expected = job.params.get("expected")
    if expected is not None and expected != count:
        raise JobFailed(CHANGED.format(expected=expected, count=count))
    progress("Đang ghi danh", 0, count, unit="người")
    return persons, criteria(data, form)


def run_enrol_bulk(job, progress) -> None:
    """The worker's side: the same checks as the page, as the user who clicked, then all or nobody."""
    done = EnrolmentBatch.objects.filter(pk=job.result.get("batch")).select_related("training_class").first()
    if done is not None:  # enrolled by an earlier run whose worker died before recording it
        _report(job, done)
        return
    user = job.created_by
    if not records_cadre_work(user):
        raise JobFailed(READ_ONLY)
    klass = class_queryset_for(user=user).filter(pk=job.params.get("class")).first()
    if klass is None:
        raise JobFailed("Không tìm thấy lớp trong phạm vi anh/chị được xem.")
    if "person_ids" in job.params:  # the API: people named one by one, resolved in the request
        persons = job.params["person_ids"]
        chosen = {"source": "api", "persons": len(persons)}
        progress("Đang ghi danh", 0, len(persons), unit="người")
    else:
        persons, chosen = _filtered(job, progress, user=user)
    try:
        with transaction.atomic():
            batch = enrol_bulk(
                actor=user,
                training_class=klass,
                persons=persons,
                criteria=chosen,
                skip_existing=job.params.get("skip_existing", False),
            )
            job_record_result(job, batch=batch.pk)
    except (ValidationError, PermissionDenied) as exc:
        messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        raise JobFailed("Chưa ghi danh được: " + " ".join(messages)) from None
    _report(job, batch)


register(ENROL_BULK, run=run_enrol_bulk)
