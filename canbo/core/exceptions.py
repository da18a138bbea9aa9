from django.core.exceptions import ValidationError


class ConflictError(ValidationError):
    """Someone else saved the record after it was opened: the save is refused, nothing is written."""

    def __init__(self, message=None):
        super().__init__(
            message
            or "Hồ sơ đã được người khác cập nhật sau khi anh/chị mở. Vui lòng tải lại trang để xem "
            "thay đổi mới nhất rồi sửa lại.",
            code="conflict",
        )


def add_error(errors: dict[str, list[str]], field: str, message) -> None:
    """Collect one Vietnamese message under `field` for a ValidationError(errors) raised at the end."""
    errors.setdefault(field, []).append(str(message))
