"""Load a national code list's mapping (Canbo value → national code) from a CSV file: all or nothing.

    python manage.py national_codes_load RANK ma-ngach.csv

The file: one row per value, columns `gia_tri_canbo,ma_quoc_gia[,ten_quoc_gia]` with a header row, UTF-8. Rows
already in the table are updated; nothing is written if any row is wrong (every error is listed)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from canbo.nationaldb.codes import MAPPED_CATALOGUES
from canbo.nationaldb.services import national_codes_load


class Command(BaseCommand):
    help = "Nạp bảng đối chiếu mã danh mục quốc gia (CSV: gia_tri_canbo,ma_quoc_gia[,ten_quoc_gia])."

    def add_arguments(self, parser):
        parser.add_argument("catalogue", choices=MAPPED_CATALOGUES)
        parser.add_argument("path")
        parser.add_argument("--source", default="", help="căn cứ (văn bản ban hành danh mục)")

    def handle(self, *args, catalogue, path, source, **options):
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                written = national_codes_load(catalogue=catalogue, lines=handle, source=source)
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc}") from exc
        except ValidationError as exc:
            raise CommandError("Không nạp dòng nào:\n" + "\n".join(exc.messages)) from exc
        self.stdout.write(f"Đã nạp {written} mã của danh mục {catalogue}.")
