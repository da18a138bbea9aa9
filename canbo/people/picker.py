"""One person picker for every form that names a person: an htmx search and a form field.

The search (`people:person_picker`, GET, htmx) answers up to 20 people matching at least 2 characters
(unaccented: "nguyen van anh" finds “Nguyễn Văn Ánh”), in the Vietnamese order, as radio buttons named after the
form's field. It searches only people the user may see (`scope=read`) or change (`scope=edit`, the default), and
by default only people at work (`working=0` lifts that).

How to use it in a form:

    from canbo.people.picker import PersonPickerField, PersonPickerMixin

    class CaseForm(PersonPickerMixin, forms.Form):          # the mixin takes `user=` and hands it to the field
        person = PersonPickerField(label="Người được đề nghị")    # scope="edit", working=True by default

    form = CaseForm(request.POST or None, user=request.user)
    form.is_valid() → form.cleaned_data["person"] is a Person in the user's scope, or the field has the error
    "Chọn một người trong danh sách tìm được." (nothing picked, not a UUID) /
    "Không tìm thấy người này trong đơn vị bạn quản lý." (a UUID outside the scope: existence not disclosed).

In the template `{{ form.person }}` renders the search box, the results and the person already picked
(templates/people/_person_picker.html); the page must load htmx (base.html does). Outside a form,
`pick_person(user=..., value=..., scope=..., working=...)` gives the same answer or raises the same
ValidationError.
"""

import re
import uuid as uuid_lib

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from canbo.accounts.access import access_decorators, records_cadre_work

from .choices import PersonStatus
from .selectors import person_editable_queryset_for, person_queryset_for

MIN_QUERY = 2
MAX_RESULTS = 20
PICK_ONE = "Chọn một người trong danh sách tìm được."
NOT_FOUND = "Không tìm thấy người này trong đơn vị bạn quản lý."
SCOPES = ("edit", "read")
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,40}$")

NO_ACCESS = "Anh/chị không có quyền tìm người trong hồ sơ cán bộ."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được chọn người để cập nhật."
staff_required, _writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)


def picker_queryset(*, user, scope: str = "edit", working: bool = True):
    """The people the picker may offer: readable (`read`) or changeable (`edit`) by the user."""
    qs = person_queryset_for(user=user) if scope == "read" else person_editable_queryset_for(user=user)
    if working:
        qs = qs.filter(status=PersonStatus.WORKING)
    return qs.select_related("current_unit", "position")


def person_search(*, user, query: str, scope: str = "edit", working: bool = True) -> list:
    """Up to 20 people matching `query` (≥ 2 characters), in the Vietnamese order; [] for a shorter query."""
    query = (query or "").strip()
    if len(query) < MIN_QUERY:
        return []
    return list(
        picker_queryset(user=user, scope=scope, working=working)
        .search(query)
        .vietnamese_order()[:MAX_RESULTS]
    )


def pick_person(*, user, value, scope: str = "edit", working: bool = True):
    """The picked uuid back into a Person within the user's scope, else a Vietnamese ValidationError."""
    if value in (None, ""):
        raise ValidationError(PICK_ONE, code="required")
    try:
        key = value if isinstance(value, uuid_lib.UUID) else uuid_lib.UUID(str(value).strip())
    except ValueError as exc:
        raise ValidationError(PICK_ONE, code="invalid") from exc
    person = picker_queryset(user=user, scope=scope, working=working).filter(uuid=key).first()
    if person is None:
        raise ValidationError(NOT_FOUND, code="not_found")
    return person


def _search_url(field: str, scope: str, working: bool) -> str:
    params = {"field": field, "scope": scope, "working": "1" if working else "0"}
    return f"{reverse('people:person_picker')}?{urlencode(params)}"


@staff_required
@require_GET
def person_picker(request):
    """The htmx search: `<field>_q` (or `q`) → radio buttons named `field` (default "person").

    Readers of cadre work may search with scope=read; scope=edit (the default) is for the board and unit officers
    (403 for the others). Officials and the system administrator: 403; anonymous: the login page."""
    field = request.GET.get("field") or "person"
    if not FIELD_NAME.match(field):
        field = "person"
    scope = request.GET.get("scope") if request.GET.get("scope") in SCOPES else "edit"
    if scope == "edit" and not records_cadre_work(request.user):
        raise PermissionDenied(READ_ONLY)  # readers pick only on read pages (scope=read)
    working = request.GET.get("working") != "0"
    query = (request.GET.get(f"{field}_q") or request.GET.get("q") or "").strip()
    people = person_search(user=request.user, query=query, scope=scope, working=working)
    context = {"people": people, "query": query, "field": field, "min_query": MIN_QUERY}
    return render(request, "people/_person_options.html", context)


class PersonPickerWidget(forms.Widget):
    """The search box, the results area and the person already picked (looked up within the user's scope)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.user, self.scope, self.working = None, "edit", True

    def value_from_datadict(self, data, files, name):
        return data.get(name)

    def render(self, name, value, attrs=None, renderer=None):
        selected = None
        if value and self.user is not None:
            try:
                selected = pick_person(user=self.user, value=value, scope=self.scope, working=self.working)
            except ValidationError:
                selected = None
        context = {
            "field": name,
            "selected": selected,
            "search_url": _search_url(name, self.scope, self.working),
            "label": (self.attrs or {}).get("search_label", ""),
        }
        return render_to_string("people/_person_picker.html", context)


class PersonPickerField(forms.Field):
    """A Person picked with the shared search; the form must give it the acting user (PersonPickerMixin)."""

    widget = PersonPickerWidget

    def __init__(self, *, scope: str = "edit", working: bool = True, **kwargs):
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {SCOPES}")
        super().__init__(**kwargs)
        self.scope, self.working, self.user = scope, working, None
        self.widget.scope, self.widget.working = scope, working

    def set_user(self, user) -> None:
        self.user = user
        self.widget.user = user

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return pick_person(user=self.user, value=value, scope=self.scope, working=self.working)

    def validate(self, value):
        if value is None and self.required:
            raise ValidationError(PICK_ONE, code="required")

    def prepare_value(self, value):
        return getattr(value, "uuid", value)


class PersonPickerMixin:
    """Takes `user=` and gives it to every PersonPickerField of the form (put it first among the bases)."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field, PersonPickerField):
                field.set_user(user)
