"""`python manage.py backup [--output DIR_OR_FILE] [--keep-daily N --keep-weekly N --keep-monthly N]`."""

from django.core.management.base import BaseCommand, CommandError

from canbo.core.backup import BackupError, backup_create, backup_prune


def vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def vn_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và các tệp lưu trữ vào một tệp .tar (canbo-backup-YYYYmmdd-HHMMSS.tar) kèm "
        "manifest.json: số bản ghi từng bảng, trạng thái migration, mã kiểm tra."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=None, help="thư mục (tên tệp tự đặt) hoặc tệp .tar; mặc định thư mục hiện tại"
        )
        parser.add_argument("--keep-daily", type=int, default=0, help="giữ bản mới nhất của N ngày gần nhất")
        parser.add_argument("--keep-weekly", type=int, default=0, help="giữ bản mới nhất của N tuần gần nhất")
        parser.add_argument(
            "--keep-monthly", type=int, default=0, help="giữ bản mới nhất của N tháng gần nhất"
        )

    def handle(self, *args, output, keep_daily, keep_weekly, keep_monthly, **options):
        if min(keep_daily, keep_weekly, keep_monthly) < 0:
            raise CommandError("--keep-daily, --keep-weekly, --keep-monthly phải là số không âm.")
        try:
            result = backup_create(output=output)
        except BackupError as exc:
            raise CommandError(exc.message) from None
        manifest = result.manifest
        rows = sum(manifest["tables"].values())
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu vào {result.path} ({vn_size(result.size)})."))
        self.stdout.write(
            f"  {vn_int(len(manifest['tables']))} bảng, {vn_int(rows)} bản ghi, "
            f"{vn_int(len(manifest['files']))} tệp lưu trữ; {seconds} giây."
        )
        if keep_daily or keep_weekly or keep_monthly:
            removed = backup_prune(
                directory=result.path.parent, daily=keep_daily, weekly=keep_weekly, monthly=keep_monthly
            )
            for path in removed:
                self.stdout.write(f"  Đã xóa bản sao lưu cũ {path.name}.")
