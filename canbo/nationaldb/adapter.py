"""The adapter to the Ministry's national database of CBCCVC, behind the one `NationalDbClient` interface.

The national service's API specification is not public: it is handed to each province with its connection
(through the national data-sharing platform, NDXP/LGSP). This adapter therefore carries everything that does
not depend on the specification — endpoint and credentials from the deployment's settings, an OAuth2
client-credentials token (the platform's usual scheme), timeouts, a bounded number of retries with back-off
inside one run, and the idempotency key on every request — and maps Canbo's items onto the paths and field
names of settings (`NATIONAL_DB_PATHS`), so that the day the specification arrives only settings and
`to_national`/`from_national` change. Select it with
NATIONAL_DB_CLIENT=canbo.nationaldb.adapter.NationalDbApiClient.

Retrying inside a run is safe because the national side keys on the items' idempotency keys (the batch's UUID
goes as the `Idempotency-Key` header as well): a request whose answer was lost is answered "duplicate"."""

import json
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from .client import ItemResult, NationalDbUnavailable

DEFAULT_PATHS = {"send": "/api/v1/dong-bo", "export": "/api/v1/xuat-don-vi/{unit}"}
RETRY_STATUSES = frozenset({429, 502, 503, 504})


class NationalDbApiClient:
    def __init__(
        self, *, base_url=None, token_url=None, client_id=None, client_secret=None, timeout=None,
        retries=None, paths=None, sleep=time.sleep,
    ):  # fmt: skip
        self.base_url = (base_url if base_url is not None else settings.NATIONAL_DB_URL).rstrip("/")
        self.token_url = token_url if token_url is not None else settings.NATIONAL_DB_TOKEN_URL
        self.client_id = client_id if client_id is not None else settings.NATIONAL_DB_CLIENT_ID
        self.client_secret = (
            client_secret if client_secret is not None else settings.NATIONAL_DB_CLIENT_SECRET
        )
        self.timeout = timeout if timeout is not None else settings.NATIONAL_DB_TIMEOUT
        self.retries = retries if retries is not None else settings.NATIONAL_DB_RETRIES
        self.paths = {**DEFAULT_PATHS, **(paths if paths is not None else settings.NATIONAL_DB_PATHS)}
        self.sleep = sleep
        self._token: tuple[str, float] | None = None  # (token, expires at, monotonic)
        if not self.base_url:
            raise NationalDbUnavailable("Chưa cấu hình địa chỉ CSDL quốc gia (NATIONAL_DB_URL).")

    # --- credentials -----------------------------------------------------------------------------------------
    def _bearer(self) -> str:
        if not self.token_url:
            return ""
        if self._token and self._token[1] > time.monotonic() + 30:
            return self._token[0]
        form = urllib.parse.urlencode(
            {
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
            }
        ).encode()
        answer = self._open(
            urllib.request.Request(  # noqa: S310 (the deployment's configured URL)
                self.token_url,
                data=form,
                method="POST",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )  # fmt: skip
        )
        token = answer.get("access_token")
        if not token:
            raise NationalDbUnavailable("Máy chủ xác thực không cấp mã truy cập CSDL quốc gia.")
        self._token = (token, time.monotonic() + float(answer.get("expires_in", 300)))
        return token

    # --- one request, retried ------------------------------------------------------------------------------
    def _open(self, request) -> dict:
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            return json.loads(response.read().decode() or "{}")

    def _call(self, method: str, path: str, body: dict | None = None, idempotency_key: str = "") -> dict:
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(min(2**attempt, 30))
            headers = {"Content-Type": "application/json", "Accept": "application/json"}
            if idempotency_key:
                headers["Idempotency-Key"] = idempotency_key
            try:
                bearer = self._bearer()
                if bearer:
                    headers["Authorization"] = f"Bearer {bearer}"
                request = urllib.request.Request(  # noqa: S310
                    self.base_url + path, data=data, method=method, headers=headers
                )
                return self._open(request)
            except urllib.error.HTTPError as exc:
                if exc.code == 401:
                    self._token = None  # expired: a new token at the next attempt
                    last = "CSDL quốc gia từ chối thông tin xác thực (401)."
                    continue
                if exc.code >= 500 or exc.code in RETRY_STATUSES:
                    last = f"CSDL quốc gia trả lỗi {exc.code}."
                    continue
                raise NationalDbUnavailable(f"CSDL quốc gia từ chối yêu cầu ({exc.code}).") from exc
            except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
                last = f"Không kết nối được CSDL quốc gia: {exc}"
        raise NationalDbUnavailable(f"{last} (đã thử {self.retries + 1} lần)")

    # --- the interface -------------------------------------------------------------------------------------
    @staticmethod
    def to_national(item: dict) -> dict:
        """Canbo's item → the national request's item (field codes of the decree's annex, national codes)."""
        return item

    @staticmethod
    def from_national(result: dict) -> ItemResult:
        return ItemResult(
            key=str(result.get("key", "")),
            status=str(result.get("status", "")),
            field=str(result.get("field", "")),
            reason=str(result.get("reason", "")),
        )

    def send_batch(self, *, batch: str, signature: str, items: list[dict]) -> list[ItemResult]:
        body = {"batch": batch, "signature": signature, "items": [self.to_national(i) for i in items]}
        answer = self._call("POST", self.paths["send"], body, idempotency_key=batch)
        return [self.from_national(r) for r in answer.get("results", [])]

    def unit_export(self, *, unit_code: str) -> dict:
        return self._call("GET", self.paths["export"].format(unit=urllib.parse.quote(unit_code)))
