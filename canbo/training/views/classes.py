"""Classes: list with filters, class page (roster, fill, enrol one), create and edit, take someone off the list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from canbo.core.forms import add_service_errors, service_errors
from canbo.core.paging import keyset_page

from ..forms import ClassFilterForm, ClassForm, PersonPickForm
from ..models import TrainingClass
from ..selectors import (
    CLASS_DEFAULT_SORT,
    CLASS_SORT_COLUMNS,
    class_fill,
    class_queryset_for,
    class_roster,
    enrolment_queryset_for,
)
from ..selectors import class_list as select_classes
from ..services import (
    can_manage_class,
    can_record_result,
    class_create,
    class_update,
    enrol,
    enrolment_remove,
)
from .access import (
    PAGE_SIZE,
    can_write,
    editable_people,
    optional_url,
    staff_required,
    writer_required,
)

ROSTER_PAGE_SIZE = 100


@staff_required
def class_list(request):
    form = ClassFilterForm(request.GET)
    today = timezone.localdate()
    if form.is_valid():
        classes = select_classes(user=request.user, filters=form.cleaned_data, today=today)
    else:
        classes = TrainingClass.objects.none()
    context = {
        "form": form,
        "page": keyset_page(request, classes, CLASS_SORT_COLUMNS, default=CLASS_DEFAULT_SORT, size=PAGE_SIZE),
        "can_create": can_write(request.user),
        "today": today,
    }
    return render(request, "training/class_list.html", context)


def class_for(request, pk):
    """The class if the user may see it (their units run it, a unit above them does, or their people attend)."""
    return get_object_or_404(class_queryset_for(user=request.user), pk=pk)


def roster_page(request, klass, size: int = ROSTER_PAGE_SIZE):
    """A page of the class list as the user may see it; each row knows whether the user may record its result."""
    rows = class_roster(user=request.user, klass=klass).select_related("person__current_unit")
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    for enrolment in page.object_list:
        enrolment.training_class = klass  # already loaded with its organiser: no query per row
        enrolment.can_record = can_record_result(request.user, enrolment)
    return page


@staff_required
def class_detail(request, pk):
    klass = class_for(request, pk)
    page = roster_page(request, klass)
    can_manage = can_manage_class(request.user, klass)
    context = {
        "klass": klass,
        "page": page,
        "fill": class_fill(klass),
        "can_manage": can_manage,
        "can_enrol": can_write(request.user),
        "can_record": can_manage or any(e.can_record for e in page.object_list),
        "pick_form": PersonPickForm(),
        "import_url": optional_url("training:excel-results-import", klass.pk),
        "template_url": optional_url("training:excel-results-template", klass.pk),
        "today": timezone.localdate(),
    }
    return render(request, "training/class_detail.html", context)


@writer_required
def class_create_view(request):
    form = ClassForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            klass = class_create(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã mở lớp {klass.code}.")
            return redirect("training:class_detail", pk=klass.pk)
    return render(request, "training/class_form.html", {"form": form, "klass": None})


@writer_required
def class_edit(request, pk):
    klass = class_for(request, pk)
    if not can_manage_class(request.user, klass):
        raise PermissionDenied("Chỉ đơn vị quản lý lớp được sửa thông tin lớp.")
    form = ClassForm(request.POST or None, instance=klass, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        with service_errors(form, status=status) as outcome:
            class_update(
                actor=request.user,
                klass=klass,
                data=form.service_data(),
                expected_version=form.cleaned_data["version"],
            )
        if outcome.ok:
            messages.success(request, "Đã lưu thông tin lớp.")
            return redirect("training:class_detail", pk=klass.pk)
        status = outcome.status
    return render(request, "training/class_form.html", {"form": form, "klass": klass}, status=status)


@writer_required
@require_POST
def enrol_one(request, pk):
    klass = class_for(request, pk)
    form = PersonPickForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["person"]))
        return redirect("training:class_detail", pk=klass.pk)
    person = (
        editable_people(request.user).select_related("current_unit").filter(uuid=form.cleaned_data["person"])
    )
    person = person.first()
    if person is None:
        messages.error(
            request, "Không tìm thấy người này trong số người đang công tác của đơn vị anh/chị quản lý."
        )
        return redirect("training:class_detail", pk=klass.pk)
    try:
        enrol(actor=request.user, training_class=klass, person=person)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã ghi danh {person.full_name} vào lớp {klass.code}.")
    return redirect("training:class_detail", pk=klass.pk)


@staff_required
@require_POST
def enrolment_remove_view(request, pk):
    """Take someone off a class list (a mistake): 404 outside the user's units, 403 without the right."""
    enrolment = get_object_or_404(
        enrolment_queryset_for(user=request.user).select_related(
            "training_class__organiser_unit", "person__current_unit"
        ),
        pk=pk,
    )
    try:
        enrolment_remove(actor=request.user, enrolment=enrolment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã bỏ {enrolment.person.full_name} khỏi danh sách lớp.")
    if enrolment.training_class_id:
        return redirect("training:class_detail", pk=enrolment.training_class_id)
    return redirect("training:enrolment_list")
