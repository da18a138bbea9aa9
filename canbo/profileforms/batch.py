"""A unit's forms in one ZIP, made by a job on the queue: one file per person working in the unit (and the units
under it) as of the date. The job re-checks the starter's rights and scope when it runs, logs a copy for each
person, and reports progress person by person on the job page."""

import tempfile
import zipfile
from datetime import date

from django.core.files import File

from canbo.accounts.access import records_cadre_work
from canbo.accounts.scoping import visible_units
from canbo.dossier.selectors import may_see_sensitive
from canbo.jobs.registry import JobFailed, register
from canbo.jobs.services import job_submit
from canbo.people.models import PersonStatus
from canbo.people.selectors import person_list

from .layouts import FORMS
from .services import FORMATS, form_copies_log, profile_form_render

BATCH_KIND = "profileforms.batch"
MAX_PERSONS = 1500  # about ten minutes of PDFs on one worker
NO_ACCESS = "Anh/chị không có quyền in hồ sơ hàng loạt của đơn vị."


def batch_start(*, user, unit, form_key: str, fmt: str, on: date, remote_addr=None):
    """Queue the batch (the caller has checked the user's rights and that the unit is in scope)."""
    return job_submit(
        kind=BATCH_KIND,
        title=f"In {FORMS[form_key][0]} ({FORMATS[fmt][0]}): {unit.name}",
        actor=user,
        params={
            "unit": unit.code,
            "form": form_key,
            "format": fmt,
            "on": on.isoformat(),
            "addr": remote_addr,
        },
    )


def run_batch(job, progress) -> None:
    user, params = job.created_by, job.params
    if user is None or not records_cadre_work(user):
        raise JobFailed(NO_ACCESS)
    form_key, fmt = params.get("form"), params.get("format")
    if form_key not in FORMS or fmt not in FORMATS:
        raise JobFailed("Mẫu hoặc định dạng không hợp lệ.")
    unit = visible_units(user).filter(code=params.get("unit", "")).first()
    if unit is None:
        raise JobFailed("Không tìm thấy đơn vị này trong phạm vi được xem.")
    on = date.fromisoformat(params["on"])
    persons = list(
        person_list(user=user, filters={"unit": unit})
        .filter(status=PersonStatus.WORKING)
        .select_related("rank")
    )
    if not persons:
        raise JobFailed("Đơn vị không có người đang công tác.")
    if len(persons) > MAX_PERSONS:
        raise JobFailed(
            f"Đơn vị có {len(persons):,} người, quá {MAX_PERSONS:,} người của một lần in: chọn đơn vị nhỏ hơn.".replace(
                ",", "."
            )
        )
    total = len(persons)
    progress("Đang in hồ sơ", 0, total, unit="người")
    with tempfile.TemporaryFile() as fileobj:
        with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for n, person in enumerate(persons, start=1):
                rendered = profile_form_render(
                    person=person,
                    form_key=form_key,
                    fmt=fmt,
                    on=on,
                    sensitive=may_see_sensitive(user=user, person=person),
                )
                archive.writestr(rendered.filename, rendered.content)
                progress("Đang in hồ sơ", n, total, unit="người")
        form_copies_log(
            user=user, persons=persons, form_key=form_key, fmt=fmt, on=on, remote_addr=params.get("addr")
        )
        fileobj.seek(0)
        job.result_file.save(f"{job.pk}.zip", File(fileobj), save=False)
    name = "so-yeu-ly-lich" if form_key == "syll" else "mau-2c"
    job.result_name = f"{name}-{unit.code}-{on:%Y%m%d}.zip"
    job.result = {"persons": total}
    job.message = f"Đã in {total:,} hồ sơ.".replace(",", ".")


register(BATCH_KIND, run=run_batch)
