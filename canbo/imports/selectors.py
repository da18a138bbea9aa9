"""Reads of import jobs: a job is visible to the user who started it and to the province board."""

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from canbo.accounts.scoping import sees_all_units
from canbo.people.models import Employment
from canbo.people.selectors import person_queryset_for

from .alias_services import require_alias_keeper
from .models import CatalogueAlias, ImportJob


def import_jobs_for(*, user):
    if not getattr(user, "is_authenticated", False):
        return ImportJob.objects.none()
    qs = ImportJob.objects.select_related("created_by", "job")
    return qs if sees_all_units(user) else qs.filter(created_by=user)


def import_job_get_for_user(*, user, job_id) -> ImportJob:
    return get_object_or_404(import_jobs_for(user=user), pk=job_id)


def import_job_progress(*, job: ImportJob) -> dict:
    """Progress written on the job row by the worker; the import row's outcome once it has finished."""
    if job.is_finished or job.job is None:
        done = job.is_finished
        return {"label": job.get_status_display(), "percent": 100 if done else 0, "done": 0, "total": 0}
    run = job.job
    label = run.stage or run.get_status_display()
    return {"label": label, "percent": run.percent, "done": run.done, "total": run.total, "unit": run.unit}


def catalogue_aliases(*, user, catalogue: str = ""):
    """The alias table, for those who keep it (the board, the system administrator); 403 for anyone else."""
    require_alias_keeper(user)
    qs = CatalogueAlias.objects.select_related("created_by")
    return qs.filter(catalogue=catalogue) if catalogue else qs


def catalogue_alias_get(*, user, pk: int) -> CatalogueAlias:
    return get_object_or_404(catalogue_aliases(user=user), pk=pk)


def incomplete_persons_shown(*, user, limit: int) -> tuple[list, int]:
    """(the first `limit` incomplete records in the Vietnamese order of names, with their unit; how many there
    are). One anti-join returns the ids and sort keys of every incomplete record, the few that a register keeps
    waiting, so the name index is never walked through the whole register looking for them; then the shown
    persons are read by id."""
    keys = sorted(incomplete_persons(user=user).order_by().values_list("sort_key", "id"))
    ids = [pk for _key, pk in keys[:limit]]
    found = person_queryset_for(user=user).select_related("current_unit").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found], len(keys)


def incomplete_persons(*, user):
    """Records kept without any career row ("hồ sơ chưa đủ"), within the units the user may see."""
    has_rows = Employment.objects.filter(person=OuterRef("pk"))
    return (
        person_queryset_for(user=user)
        .filter(~Exists(has_rows))
        .select_related("current_unit")
        .order_by("sort_key", "id")
    )
