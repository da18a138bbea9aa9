from django.db.models import F

from canbo.core.exceptions import ConflictError


def bump_version(model, obj, expected_version) -> None:
    """Optimistic locking: raise ConflictError if someone saved `obj` since `expected_version` was read."""
    if expected_version is None:
        expected_version = obj.version
    updated = model.objects.filter(pk=obj.pk, version=expected_version).update(version=F("version") + 1)
    if not updated:
        raise ConflictError()
    obj.version = expected_version + 1
