from pathlib import Path

from django.core.management.base import BaseCommand

from canbo.demo.seeds import SEEDS, write_seed


class Command(BaseCommand):
    help = (
        "Viết các tệp .xlsx theo tệp mẫu nhập dữ liệu của Canbo cho các tỉnh trong bài báo mẫu (seed 000 Bến Tre, "
        "002 Vĩnh Long, 004 Lai Châu). Không ghi gì vào cơ sở dữ liệu: nhập các tệp bằng import_xlsx."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "seeds", nargs="*", choices=sorted(SEEDS), help="Các seed cần viết (mặc định: cả ba)"
        )
        parser.add_argument("--out", default="var/seeds", help="Thư mục ghi tệp (mặc định var/seeds)")
        parser.add_argument("--scale", type=float, default=1.0, help="Tỷ lệ số người, số lượt (mặc định 1)")

    def handle(self, *args, seeds, out, scale, **options):
        for seed in seeds or sorted(SEEDS):
            paths, builder = write_seed(seed, Path(out), scale=scale)
            for path in paths:
                self.stdout.write(f"Đã viết {path}")
            self.stdout.write(f"Số liệu dự kiến của seed {seed}: {builder.expected}")
