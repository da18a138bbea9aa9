"""`python manage.py restore FILE`: a backup into an empty database (DATABASE_URL) and the default storage."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from canbo.core.backup import BackupError, backup_restore


def vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của lệnh backup vào cơ sở dữ liệu trống (DATABASE_URL) và nơi lưu tệp; "
        "kiểm tra mã kiểm tra trước, số bản ghi từng bảng sau khi khôi phục."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp .tar do lệnh backup tạo")

    def handle(self, *args, file, **options):
        try:
            result = backup_restore(archive=file)
        except BackupError as exc:
            raise CommandError(exc.message) from None
        manifest = result.manifest
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        created = datetime.datetime.fromisoformat(manifest["created_at"]).strftime("%d/%m/%Y %H:%M:%S")
        self.stdout.write(
            self.style.SUCCESS(f"Đã khôi phục bản sao lưu lúc {created} (Canbo {manifest['canbo_version']}).")
        )
        self.stdout.write(
            f"  {vn_int(len(manifest['tables']))} bảng, {vn_int(result.rows)} bản ghi, khớp bản kê; "
            f"{vn_int(result.files)} tệp lưu trữ; {seconds} giây."
        )
        if result.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"  Bản sao lưu cũ hơn mã nguồn: còn {vn_int(len(result.pending_migrations))} migration "
                    "chưa áp dụng. Chạy `python manage.py migrate` trước khi mở lại hệ thống."
                )
            )
