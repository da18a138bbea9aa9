"""A batch raise naming many people runs as a job on the queue (the page answers at once, the job page shows the
progress): the same scope, the same permission and the same all-or-nothing service as the page, as the user who
asked."""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from canbo.jobs.registry import JobFailed, register
from canbo.jobs.services import job_record_result
from canbo.people.selectors import person_queryset_for

from .services import salary_raise_batch

JOB_KIND = "salary_raise_batch"
OUT_OF_SCOPE = "Có người không còn trong phạm vi đơn vị anh/chị quản lý; không ai được nâng lương."


def batch_job_threshold() -> int:
    """A batch of more people than this runs on the queue (settings.SALARY_BATCH_JOB_THRESHOLD, default 200)."""
    return getattr(settings, "SALARY_BATCH_JOB_THRESHOLD", 200)


def batch_params(*, persons, decision_number: str, decision_date: date | None) -> dict:
    return {
        "persons": [str(p.uuid) for p in persons],
        "decision_number": decision_number,
        "decision_date": decision_date.isoformat() if decision_date else None,
    }


def run_salary_raise_batch(job, progress) -> None:
    if "raised" in job.result:  # the work committed before its worker died: report it, do not do it twice
        job.message = f"Đã nâng lương cho {job.result['raised']} người."
        return
    uuids = job.params.get("persons", [])
    progress("Đang đọc hồ sơ", 0, len(uuids), unit="người")
    persons = list(
        person_queryset_for(user=job.created_by).filter(uuid__in=uuids).select_related("current_unit")
    )
    if len(persons) != len(set(uuids)):
        raise JobFailed(OUT_OF_SCOPE)
    decided = job.params.get("decision_date")
    try:
        with transaction.atomic():
            done = salary_raise_batch(
                actor=job.created_by,
                persons=persons,
                decision_number=job.params.get("decision_number", ""),
                decision_date=date.fromisoformat(decided) if decided else None,
                progress=progress,
            )
            job_record_result(job, raised=len(done), first_record=done[0].pk)
    except ValidationError as exc:
        raise JobFailed("Không nâng lương được; không ai được nâng lương.", errors=exc.messages) from None
    except PermissionDenied as exc:
        raise JobFailed(str(exc)) from None
    job.message = f"Đã nâng lương cho {len(done)} người."
    progress("Xong", len(done), len(done), unit="người")


register(JOB_KIND, run=run_salary_raise_batch)
