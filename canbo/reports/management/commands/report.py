"""`python manage.py report --list` and `python manage.py report NAME [--org CODE] [--on DATE | --from DATE
--to DATE] [--format table|json|xlsx] [--output FILE] [--user USERNAME]` plus each report's own options."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from canbo.reports.base import ReportParameterError, can_view_reports
from canbo.reports.registry import all_reports, get_report
from canbo.reports.rendering import to_json, to_text, to_xlsx

FORMATS = ("table", "json", "xlsx")


def _option_fields() -> dict:
    """Every report's own options, offered as --flags (e.g. --kind for org-units, --breakdown)."""
    fields = {}
    for report in all_reports():
        for name, field in report.option_fields.items():
            fields.setdefault(name, (field, []))[1].append(report.name)
    return fields


class Command(BaseCommand):
    help = "In báo cáo thống kê (bảng, JSON hoặc Excel). Dùng --list để xem các báo cáo."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def error(message):
            raise CommandError(f"Tham số dòng lệnh không hợp lệ: {message}")

        parser.error = error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", help="Tên báo cáo (xem --list)")
        parser.add_argument("--list", action="store_true", help="Liệt kê các báo cáo và tham số")
        parser.add_argument("--org", default="", help="Mã đơn vị (tính cả đơn vị trực thuộc)")
        parser.add_argument("--on", default="", help="Ngày chốt số liệu, dd/mm/yyyy hoặc yyyy-mm-dd")
        parser.add_argument("--from", dest="date_from", default="", help="Ngày thứ nhất khi so sánh")
        parser.add_argument("--to", dest="date_to", default="", help="Ngày thứ hai khi so sánh")
        parser.add_argument("--format", default="table", help="table (mặc định), json hoặc xlsx")
        parser.add_argument("--output", default="", help="Ghi ra tệp thay vì màn hình (bắt buộc với xlsx)")
        parser.add_argument("--user", default="", help="Chạy với phạm vi của tài khoản này")
        for name, (field, reports) in _option_fields().items():
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                dest=f"option_{name}",
                default=None,
                help=f"{field.label} (báo cáo {', '.join(reports)})",
            )

    def handle(self, *args, **opts):
        with translation.override("vi"):
            if opts["list"]:
                self.stdout.write(self._list())
                return
            report = self._report(opts["name"])
            fmt = opts["format"]
            if fmt not in FORMATS:
                raise CommandError(f"Định dạng “{fmt}” không hợp lệ: chọn table, json hoặc xlsx.")
            if fmt == "xlsx" and not opts["output"]:
                raise CommandError("Định dạng xlsx cần tham số --output TỆP.xlsx.")
            user = self._user(opts["user"])
            data = {"org": opts["org"], "on": opts["on"], "from": opts["date_from"], "to": opts["date_to"]}
            for name in _option_fields():
                value = opts.get(f"option_{name}")
                if value is None:
                    continue
                if name not in report.option_fields:
                    raise CommandError(f"Tham số --{name} không dùng cho báo cáo {report.name}.")
                data[name] = value
            try:
                result = report.execute(user=user, data=data)
            except ReportParameterError as exc:
                problems = [
                    (message if name == "__all__" else f"--{name.replace('_', '-')}: {message}")
                    for name, messages in exc.errors.items()
                    for message in messages
                ]
                raise CommandError("Tham số không hợp lệ: " + "; ".join(problems)) from None
            self._write(result, fmt, opts["output"])

    def _report(self, name):
        if not name:
            raise CommandError("Hãy nêu tên báo cáo, hoặc dùng --list để xem danh sách.")
        report = get_report(name)
        if report is None:
            names = ", ".join(r.name for r in all_reports())
            raise CommandError(f"Không có báo cáo “{name}”. Các báo cáo hiện có: {names}.")
        return report

    def _user(self, username):
        if not username:
            return None  # a system report: the whole province
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.")
        if not can_view_reports(user):
            raise CommandError(f"Tài khoản “{username}” không có quyền xem báo cáo.")
        return user

    def _write(self, result, fmt, output):
        if fmt == "xlsx":
            content: bytes | str = to_xlsx(result)
        elif fmt == "json":
            content = json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n"
        else:
            content = to_text(result)
        if not output:
            self.stdout.write(content, ending="")
            return
        path = Path(output)
        try:
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp “{output}”: {exc.strerror}.") from None
        self.stderr.write(f"Đã ghi {path}.")

    def _list(self) -> str:
        lines = []
        for report in all_reports():
            info = report.describe()
            lines.append(f"{report.name}  —  {report.title}")
            lines.append(f"    {report.description}")
            params = ", ".join(
                p["name"] + (f" ({'|'.join(c['value'] for c in p['choices'])})" if p.get("choices") else "")
                for p in info["parameters"]
            )
            lines.append(f"    Tham số: {params}")
            lines.append("")
        return "\n".join(lines) + "\n"
