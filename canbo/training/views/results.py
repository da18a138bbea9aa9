"""Results entry: a grid of the class list (a page of it) posted at once to record_results — all or nothing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from ..forms import ResultFormSet
from ..services import ResultRowsError, record_results
from ..services.results import RESULT_FIELDS
from .access import staff_required
from .classes import class_for, roster_page

NO_RIGHT = "Anh/chị không có quyền ghi kết quả học tập của lớp này."
CONFLICT = (
    "Kết quả của {names} đã được người khác cập nhật sau khi anh/chị mở trang. Không dòng nào được ghi: "
    "hãy tải lại trang để xem kết quả mới nhất rồi nhập lại."
)
LIST_CHANGED = "Danh sách lớp đã thay đổi từ lúc anh/chị mở trang: không dòng nào được ghi. Hãy nhập lại."
UNKNOWN_ROW = "Dòng này không thuộc danh sách anh/chị được ghi kết quả."


def _initial(enrolment) -> dict:
    values = {f: getattr(enrolment, f) for f in RESULT_FIELDS}
    return {"id": enrolment.pk, "version": enrolment.version, **values}


def _changed(enrolment, data: dict) -> bool:
    return any(getattr(enrolment, f) != data[f] for f in RESULT_FIELDS)


@staff_required
def results_entry(request, pk):
    klass = class_for(request, pk)
    page = roster_page(request, klass)
    rows = [e for e in page.object_list if e.can_record]
    if not rows:
        raise PermissionDenied(NO_RIGHT)
    by_id = {e.pk: e for e in rows}
    initial = [_initial(e) for e in rows]
    formset = ResultFormSet(request.POST or None, initial=initial)
    top_errors, conflict = [], False
    if formset.is_bound and formset.total_form_count() != len(rows):
        top_errors.append(LIST_CHANGED)
        formset = ResultFormSet(initial=initial)
    elif formset.is_bound and formset.is_valid():
        changes = []  # (form, enrolment, data) of the rows whose values differ from the stored ones
        for form in formset:
            enrolment = by_id.get(form.cleaned_data["id"])
            if enrolment is None:
                form.add_error(None, UNKNOWN_ROW)
                continue
            data = form.service_data()
            if _changed(enrolment, data):
                changes.append((form, enrolment, data))
        stale = [e for f, e, _d in changes if f.cleaned_data["version"] != e.version]
        if stale:
            conflict = True
            top_errors.append(CONFLICT.format(names=", ".join(e.person.full_name for e in stale)))
        elif not any(form.errors for form in formset):
            try:
                saved = record_results(actor=request.user, rows=[(e, d) for _f, e, d in changes])
            except ResultRowsError as exc:
                top_errors.extend(exc.messages)
                for index, errors in exc.rows.items():
                    form = changes[index][0]
                    for field, field_messages in errors.items():
                        form.add_error(field if field in form.fields else None, field_messages)
            except ValidationError as exc:
                top_errors.extend(exc.messages)
            else:
                done = f"Đã ghi kết quả học tập của {saved} người." if saved else "Không có thay đổi nào."
                messages.success(request, done)
                return redirect(request.get_full_path())
    elif formset.is_bound:
        top_errors.append("Có dòng chưa hợp lệ: không dòng nào được ghi. Hãy sửa các ô có lỗi.")
    context = {
        "klass": klass,
        "page": page,
        "rows": list(zip(rows, formset, strict=True)),
        "formset": formset,
        "top_errors": top_errors,
    }
    return render(request, "training/results.html", context, status=409 if conflict else 200)
