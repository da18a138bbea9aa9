"""Writes of the decisions app: the board uploads a replacement template for a kind, or withdraws one.

A template is checked before anything is stored: a .docx (a Word zip with its document part), at most
MAX_TEMPLATE_BYTES, no part expanding past MAX_UNPACKED_BYTES, and tags that docxtpl can read. Versions are
numbered per kind and kept; the newest active one wins.
"""

import hashlib
import io
import zipfile

import jinja2
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from docxtpl import DocxTemplate

from canbo.accounts.access import require_board
from canbo.core.audit import audit_actor

from .models import DecisionTemplate
from .registry import kind_for

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 30 * 1024 * 1024
DOCX_PARTS = ("[Content_Types].xml", "word/document.xml")
BOARD_ONLY = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ được thay mẫu quyết định."
NOT_DOCX = "Tệp mẫu phải là tệp Word .docx (Word 2007 trở lên), không phải .doc, .pdf hay tệp khác."


def check_template(content: bytes, name: str) -> None:
    """Raise a ValidationError (on "file", in Vietnamese) unless `content` is a usable docxtpl template."""
    if not name.lower().endswith(".docx"):
        raise ValidationError({"file": [NOT_DOCX]})
    if len(content) > MAX_TEMPLATE_BYTES:
        raise ValidationError({"file": [f"Tệp mẫu tối đa {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB."]})
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ValidationError({"file": [NOT_DOCX]}) from None
    if not all(part in names for part in DOCX_PARTS):
        raise ValidationError({"file": [NOT_DOCX]})
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise ValidationError({"file": ["Tệp mẫu không được chứa macro."]})
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError({"file": ["Tệp mẫu giải nén quá lớn: hãy bỏ bớt hình ảnh, phông chữ nhúng."]})
    try:
        DocxTemplate(io.BytesIO(content)).get_undeclared_template_variables()
    except jinja2.TemplateSyntaxError as exc:
        raise ValidationError(
            {"file": [f"Mẫu có thẻ điền dữ liệu sai cú pháp (dòng {exc.lineno}): {exc.message}."]}
        ) from None
    except Exception:  # noqa: BLE001 - a broken Word part: say so instead of a 500
        raise ValidationError({"file": ["Không đọc được nội dung tệp Word này."]}) from None


@transaction.atomic
def template_upload(*, actor, kind: str, upload, note: str = "") -> DecisionTemplate:
    """Store a new version of `kind`'s template and make it the one in use."""
    require_board(actor, BOARD_ONLY)
    if kind_for(kind) is None or kind_for(kind).shares_template_of:
        raise ValidationError({"kind": ["Loại quyết định không có trong danh mục."]})
    note = (note or "").strip()
    if len(note) > 300:
        raise ValidationError({"note": ["Ghi chú tối đa 300 ký tự."]})
    if upload is None:
        raise ValidationError({"file": ["Hãy chọn tệp mẫu .docx."]})
    if upload.size > MAX_TEMPLATE_BYTES:  # before reading it into memory
        raise ValidationError({"file": [f"Tệp mẫu tối đa {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB."]})
    content = upload.read()
    name = (upload.name or "").rsplit("/", 1)[-1][:200]
    check_template(content, name)
    # one upload at a time per kind gets the next number (the unique constraint guards the rest)
    last = DecisionTemplate.objects.select_for_update().filter(kind=kind).aggregate(n=Max("number"))["n"]
    template = DecisionTemplate(
        kind=kind,
        number=(last or 0) + 1,
        original_name=name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        note=note,
        uploaded_by=actor,
    )
    template.file.save(f"{kind}-{template.number}.docx", ContentFile(content), save=False)
    try:
        template.full_clean()
        with audit_actor(actor):
            template.save()
    except Exception:
        template.file.delete(save=False)  # nothing half-written: no stored file without its row
        raise
    return template


@transaction.atomic
def template_withdraw(*, actor, template: DecisionTemplate) -> DecisionTemplate:
    """Stop using a version (the previous active one, or the default, is used again); the file is kept."""
    require_board(actor, BOARD_ONLY)
    template = DecisionTemplate.objects.select_for_update().get(pk=template.pk)
    if not template.is_active:
        raise ValidationError("Phiên bản mẫu này đã ngừng dùng.")
    template.is_active = False
    with audit_actor(actor):
        template.save(update_fields=["is_active", "updated_at"])
    return template
