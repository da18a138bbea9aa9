"""API keys for programs (docs/api-tokens.md): `Authorization: Token <key>` instead of Basic authentication.

Basic authentication verifies the password's Argon2 hash on every request (tens of milliseconds by design); a key
is checked by one indexed lookup of its SHA-256. Keys are issued and revoked with `manage.py api_token` (by the
system administrator on the server); each issue and revocation is audited. A revoked key, or the key of an
inactive account, or an expired key (a year after issue unless `--days` says otherwise), is refused with 401 and
a Vietnamese message saying which.
"""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from canbo.core.audit import audit_actor

from .models import PROTECTED_ACCOUNT, ApiToken, User, holds_personal_data_role

KEYWORD = "Token"
INVALID = _("Khóa API không hợp lệ hoặc đã bị thu hồi.")
EXPIRED = _("Khóa API đã hết hạn ngày {date}: đề nghị quản trị hệ thống cấp khóa mới.")
ACCOUNT_LOCKED = _("Tài khoản của khóa API này đang bị khóa.")
VALID_DAYS = 365  # a key's default life; `manage.py api_token issue --days N` gives another


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_issue(
    *,
    user: User,
    name: str,
    issued_by: User | None = None,
    approved: bool = False,
    valid_days: int = VALID_DAYS,
) -> tuple[ApiToken, str]:
    """A new key for `user`, valid `valid_days` days: returns the row and the key, shown once (only its digest
    is kept).

    A key acts as its user: for an account holding a role that opens personal data it is issued only through
    an approved request (`account_changes`, `approved=True`), never by one person alone."""
    if not approved and holds_personal_data_role(user):
        raise PermissionDenied(PROTECTED_ACCOUNT.format(username=user.username))
    name = (name or "").strip()
    if not name:
        raise ValueError("Cần đặt tên cho khóa (ứng dụng nào dùng khóa này).")
    if not user.is_active:
        raise ValueError(f"Tài khoản “{user.username}” đang bị khóa: không cấp khóa API.")
    if not 1 <= valid_days <= 5 * 365:
        raise ValueError("Thời hạn của khóa phải từ 1 đến 1.825 ngày (5 năm).")
    key = secrets.token_urlsafe(32)
    with audit_actor(issued_by):
        token = ApiToken.objects.create(
            user=user,
            name=name[:100],
            prefix=key[:8],
            digest=digest_of(key),
            created_by=issued_by,
            expires_at=timezone.now() + timedelta(days=valid_days),
        )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, revoked_by: User | None = None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        with audit_actor(revoked_by):
            token.save(update_fields=["revoked_at"])
    return token


class ApiTokenAuthentication(BaseAuthentication):
    """DRF authentication by `Authorization: Token <key>`: one indexed query (the unique SHA-256 digest, key and
    user together), no password hash. Refused with 401 and a Vietnamese reason: an unknown or revoked key, an
    expired one, a key whose account is locked."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Tiêu đề Authorization phải có dạng: Token <khóa>."), code="api_key_header"
            )
        try:
            key = parts[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(INVALID, code="api_key_invalid") from exc
        token = ApiToken.objects.select_related("user").filter(digest=digest_of(key)).first()
        if token is None or token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(INVALID, code="api_key_invalid")
        if token.expires_at is not None and token.expires_at <= timezone.now():
            on = timezone.localtime(token.expires_at).strftime("%d/%m/%Y")
            raise exceptions.AuthenticationFailed(str(EXPIRED).format(date=on), code="api_key_expired")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(ACCOUNT_LOCKED, code="api_key_account_locked")
        today = timezone.localdate()
        if token.last_used_on != today:  # at most one write a day per key, not one per request
            ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
        return token.user, token

    def authenticate_header(self, request):
        return KEYWORD


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """The key in the OpenAPI documentation (/api/docs/): the "Authorize" button takes `Token <key>`."""

    target_class = "canbo.accounts.tokens.ApiTokenAuthentication"
    name = "khoaApi"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Khóa API: gửi “Token <khóa>”. Cấp và thu hồi bằng `manage.py api_token` "
            "(docs/api-tokens.md). Nhanh hơn xác thực Basic (không kiểm tra mật khẩu Argon2 ở mỗi yêu cầu).",
        }
