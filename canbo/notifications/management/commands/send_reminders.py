"""python manage.py send_reminders [--today dd/mm/yyyy] [--no-email]: the daily reminders (safe to run twice)."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from canbo.notifications.services import reminders_send


class Command(BaseCommand):
    help = (
        "Tạo thông báo nhắc việc (bổ nhiệm lại, nghỉ hưu, hết hạn luân chuyển, kế hoạch đào tạo, hạn khắc phục "
        "tiêu chuẩn) cho người dùng theo đơn vị của họ và gửi thư cho những thông báo mới. Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="ngày xét, dd/mm/yyyy (mặc định: hôm nay)")
        parser.add_argument("--no-email", action="store_true", help="chỉ tạo thông báo, không gửi thư")

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = datetime.strptime(options["today"], "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError(
                    "Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy (ví dụ 31/01/2026)."
                ) from exc
        result = reminders_send(today=today, email=not options["no_email"])
        self.stdout.write(
            f"{result.reminders} việc đến hạn; {result.created} thông báo mới cho {result.users} người dùng; "
            f"{result.emailed} thư đã gửi."
        )
        if result.failed:
            self.stderr.write("Không gửi được thư cho: " + ", ".join(result.failed))
