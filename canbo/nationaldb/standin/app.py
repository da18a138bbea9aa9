"""A STAND-IN for the national database of CBCCVC — not the national service. A small WSGI app that Canbo's
tests and `make demo` run on 127.0.0.1: it checks codes and required fields the way the national rules do,
stores what it accepts (keyed by the personal ID and the idempotency key), and can be told to fail, to time out
or to refuse an item.

    POST /api/v1/dong-bo               {"batch", "signature", "items": [{"key", "national_id", "group", ...}]}
    GET  /api/v1/ho-so/<national_id>   the dossier as stored, by group
    GET  /api/v1/xuat-don-vi/<unit>    a unit's dossiers in the ten groups (for onboarding)
    POST /_dieu-khien                  {"mode": "ok" | "fail" | "timeout", "delay": s, "refuse": {national_id: reason}}
    GET  /_da-nhan                     the keys received, in order
"""

import json
import re
import threading
import time

from canbo.nationaldb.provinces import PROVINCES
from canbo.people.national_codes import ETHNICITY_CODES, GENDER_CODES, RELIGIONS, _fold

REQUIRED_ON_CREATE = {1: ("1.02", "1.07", "1.08", "1.13", "1.14")}
REQUIRED_NOT_BLANK = {"1.01", "1.02", "1.07", "1.08", "1.13", "1.14", "2.01", "2.03", "5.03", "5.04", "5.07"}
CODE_LISTS = {
    "1.07": (GENDER_CODES, "danh mục giới tính"),
    "1.13": (ETHNICITY_CODES, "danh mục dân tộc (54 dân tộc, mã 01–54)"),
    "1.14": (RELIGIONS, "danh mục tôn giáo được công nhận (ghi “Không” nếu không theo tôn giáo nào)"),
}
NATIONAL_ID = re.compile(r"^[0-9]{12}$")


PROVINCE_FIELDS = ("1.09", "1.11")
PROVINCE_CODES = frozenset(code for code, _name in PROVINCES)


def check_item(item: dict) -> tuple[str, str] | None:
    """(field, reason) when the national rules refuse the item, else None."""
    if not NATIONAL_ID.match(str(item.get("national_id", ""))):
        return "1.01", "Số định danh cá nhân phải gồm đúng 12 chữ số."
    group = item.get("group")
    if not isinstance(group, int) or not 1 <= group <= 10:
        return "", "Nhóm thông tin phải từ 1 đến 10."
    change = item.get("change") or {}
    if item.get("action") == "create":
        for code in REQUIRED_ON_CREATE.get(group, ()):
            if change.get(code) in (None, ""):
                return code, f"Thiếu trường bắt buộc {code}."
    codes = item.get("codes") or {}
    for code in PROVINCE_FIELDS:
        if change.get(code) not in (None, "") and codes.get(code) not in PROVINCE_CODES:
            return code, (
                f"Trường {code}: “{change[code]}” không có mã tỉnh, thành phố trong danh mục đơn vị hành chính "
                "sau sắp xếp (34 tỉnh, thành phố)."
            )
    for code, value in change.items():
        if code in REQUIRED_NOT_BLANK and item.get("action") != "delete" and value in (None, ""):
            return code, f"Trường {code} là bắt buộc, không được để trống."
        if code in CODE_LISTS and value not in (None, ""):
            allowed, list_name = CODE_LISTS[code]
            if (_fold(value) if code == "1.14" else str(value)) not in allowed:
                return code, f"Giá trị “{value}” không có trong {list_name}."
    return None


class StandInNationalDb:
    def __init__(self):
        self.lock = threading.Lock()
        self.mode = "ok"
        self.delay = 30.0
        self.refuse: dict[str, str] = {}
        self.received: list[str] = []  # accepted keys, in order: each once
        self.received_codes: dict[str, dict] = {}  # key -> the national codes the item carried
        self.dossiers: dict[
            str, dict
        ] = {}  # national_id -> {"unit": code, "groups": {group: {record: change}}}

    # --- the protocol -----------------------------------------------------------------------------------
    def receive(self, body: dict) -> dict:
        results = []
        with self.lock:
            for item in body.get("items", []):
                key = str(item.get("key", ""))
                if key in self.received:
                    results.append({"key": key, "status": "duplicate"})
                    continue
                refusal = check_item(item)
                nid = str(item.get("national_id", ""))
                if refusal is None and nid in self.refuse:
                    refusal = ("", self.refuse[nid])
                if refusal:
                    field, reason = refusal
                    results.append({"key": key, "status": "refused", "field": field, "reason": reason})
                    continue
                dossier = self.dossiers.setdefault(nid, {"unit": "", "groups": {}})
                if item.get("unit"):
                    dossier["unit"] = item["unit"]
                records = dossier["groups"].setdefault(str(item["group"]), {})
                if item.get("action") == "delete":
                    records.pop(item.get("record", ""), None)
                else:
                    records.setdefault(item.get("record", ""), {}).update(item.get("change") or {})
                self.received.append(key)
                self.received_codes[key] = dict(item.get("codes") or {})
                results.append({"key": key, "status": "accepted"})
        return {"results": results}

    def unit_export(self, unit: str) -> dict:
        with self.lock:
            people = [
                {
                    "national_id": nid,
                    "groups": {g: list(records.values()) for g, records in d["groups"].items()},
                }
                for nid, d in sorted(self.dossiers.items())
                if d["unit"] == unit
            ]
        return {"unit": unit, "dossiers": people}

    # --- WSGI -------------------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(length) or b"{}") if length else {}
        except ValueError:
            return self._json(start_response, 400, {"error": "JSON không hợp lệ."})
        if path == "/_dieu-khien" and method == "POST":
            with self.lock:
                self.mode = body.get("mode", self.mode)
                self.delay = float(body.get("delay", self.delay))
                if "refuse" in body:
                    self.refuse = dict(body["refuse"])
            return self._json(start_response, 200, {"mode": self.mode})
        if path == "/_da-nhan":
            with self.lock:
                return self._json(start_response, 200, {"received": list(self.received)})
        if path == "/api/v1/dong-bo" and method == "POST":
            if self.mode == "fail":
                return self._json(start_response, 503, {"error": "Dịch vụ tạm ngừng (mô phỏng)."})
            answer = self.receive(body)
            if self.mode == "timeout":  # stored, but the answer comes too late: the sender must resend safely
                time.sleep(self.delay)
            return self._json(start_response, 200, answer)
        if path.startswith("/api/v1/ho-so/"):
            with self.lock:
                dossier = self.dossiers.get(path.rsplit("/", 1)[-1])
            return self._json(
                start_response, 200 if dossier else 404, dossier or {"error": "Không có hồ sơ."}
            )
        if path.startswith("/api/v1/xuat-don-vi/"):
            return self._json(start_response, 200, self.unit_export(path.rsplit("/", 1)[-1]))
        return self._json(start_response, 404, {"error": "Không có địa chỉ này."})

    @staticmethod
    def _json(start_response, status: int, payload: dict):
        reasons = {200: "OK", 400: "Bad Request", 404: "Not Found", 503: "Service Unavailable"}
        start_response(f"{status} {reasons[status]}", [("Content-Type", "application/json; charset=utf-8")])
        return [json.dumps(payload, ensure_ascii=False).encode()]


def serve(host: str = "127.0.0.1", port: int = 8765, app: StandInNationalDb | None = None):
    """A threaded WSGI server for the stand-in (returns the server; call serve_forever())."""
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    class Threaded(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    return make_server(host, port, app or StandInNationalDb(), server_class=Threaded, handler_class=Quiet)
