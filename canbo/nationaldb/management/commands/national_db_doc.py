from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from canbo.nationaldb.doc import render_doc


class Command(BaseCommand):
    help = (
        "Viết lại docs/national-db.md từ bảng trường dữ liệu của CSDL quốc gia (canbo/nationaldb/fields.py)."
    )

    def handle(self, *args, **options):
        path = Path(settings.BASE_DIR) / "docs" / "national-db.md"
        path.write_text(render_doc(), encoding="utf-8")
        self.stdout.write(f"Đã viết {path}")
