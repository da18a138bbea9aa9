"""What every HTML view does with a service's answer: its ValidationError next to the form's fields, its
ConflictError (someone saved first) above the form with a 409."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from .exceptions import ConflictError

CONFLICT_HINT = "Các thay đổi của anh/chị chưa được lưu."


def add_service_errors(form, exc: ValidationError, field_map: dict | None = None) -> None:
    """Show a service's ValidationError next to the matching form fields (others above the form)."""
    field_map = field_map or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, messages in exc.message_dict.items():
        field = field_map.get(key, key)
        if field == NON_FIELD_ERRORS or field not in form.fields:
            form.add_error(None, messages)
        else:
            form.add_error(field, messages)


class service_errors:  # noqa: N801 - used as a statement: `with service_errors(form) as outcome:`
    """Run a service call on a bound form's data and keep its refusal on the form:

        with service_errors(form, status=400) as outcome:
            person_update(...)
        if outcome.ok:
            return redirect(...)
        return render(..., status=outcome.status)

    A ConflictError goes above the form with `conflict_hint` (outcome.status 409), a ValidationError next to
    its fields through `field_map` (outcome.status stays `status`); anything else (PermissionDenied, …)
    propagates.
    """

    def __init__(
        self, form, *, status: int = 200, field_map: dict | None = None, conflict_hint=CONFLICT_HINT
    ):
        self.form, self.field_map, self.conflict_hint = form, field_map, conflict_hint
        self.ok = False
        self.status = status

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, traceback) -> bool:
        if kind is None:
            self.ok = True
            return False
        if issubclass(kind, ConflictError):
            self.form.add_error(None, [*exc.messages, self.conflict_hint])
            self.status = 409
            return True
        if issubclass(kind, ValidationError):
            add_service_errors(self.form, exc, self.field_map)
            return True
        return False
