"""The door to the national database: `NationalDbClient` (send a batch, read a unit's export), its HTTP adapter
for a deployment's `NATIONAL_DB_URL`, and the signer adapter point (electronic signature before a batch goes).

The real national service's protocol is reached through an adapter configured per deployment; the HTTP adapter
here speaks the stand-in's JSON protocol (canbo/nationaldb/standin), which is the one Canbo's tests run against.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class NationalDbUnavailable(Exception):
    """The national side did not answer usably (down, timeout, 5xx): the batch stays waiting and is retried."""


@dataclass(frozen=True)
class ItemResult:
    key: str
    status: str  # "accepted", "duplicate" (already received under this key) or "refused"
    field: str = ""
    reason: str = ""


class NationalDbClient(Protocol):
    def send_batch(self, *, batch: str, signature: str, items: list[dict]) -> list[ItemResult]: ...

    def unit_export(self, *, unit_code: str) -> dict: ...


class Signer(Protocol):
    name: str

    def sign(self, payload: bytes) -> str: ...


class NoSignature:
    """No electronic signature (the default): the approval is recorded, the batch goes unsigned."""

    name = ""

    def sign(self, payload: bytes) -> str:
        return ""


class HttpNationalDbClient:
    def __init__(self, base_url: str, timeout: float):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def _call(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 (the deployment's configured URL)
            self.base_url + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return json.loads(response.read().decode())
        except urllib.error.HTTPError as exc:
            if exc.code >= 500:
                raise NationalDbUnavailable(f"CSDL quốc gia trả lỗi {exc.code}.") from exc
            raise NationalDbUnavailable(f"CSDL quốc gia từ chối yêu cầu ({exc.code}).") from exc
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            raise NationalDbUnavailable(f"Không kết nối được CSDL quốc gia: {exc}") from exc

    def send_batch(self, *, batch: str, signature: str, items: list[dict]) -> list[ItemResult]:
        answer = self._call(
            "POST", "/api/v1/dong-bo", {"batch": batch, "signature": signature, "items": items}
        )
        return [
            ItemResult(key=r["key"], status=r["status"], field=r.get("field", ""), reason=r.get("reason", ""))
            for r in answer.get("results", [])
        ]

    def unit_export(self, *, unit_code: str) -> dict:
        return self._call("GET", f"/api/v1/xuat-don-vi/{urllib.parse.quote(unit_code)}")


class NotConfigured:
    """No NATIONAL_DB_URL: nothing leaves, items wait (and show as waiting, then overdue)."""

    def send_batch(self, **kwargs):
        raise NationalDbUnavailable("Chưa cấu hình địa chỉ CSDL quốc gia (NATIONAL_DB_URL).")

    def unit_export(self, **kwargs):
        raise NationalDbUnavailable("Chưa cấu hình địa chỉ CSDL quốc gia (NATIONAL_DB_URL).")


def national_db_client() -> NationalDbClient:
    """The adapter the deployment's settings choose: NATIONAL_DB_CLIENT (a dotted path) or HTTP at the URL."""
    if settings.NATIONAL_DB_CLIENT:
        return import_string(settings.NATIONAL_DB_CLIENT)()
    if not settings.NATIONAL_DB_URL:
        return NotConfigured()
    return HttpNationalDbClient(settings.NATIONAL_DB_URL, settings.NATIONAL_DB_TIMEOUT)


def batch_signer() -> Signer:
    return import_string(settings.NATIONAL_DB_SIGNER)()
