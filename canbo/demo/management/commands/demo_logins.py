"""`python manage.py demo_logins [--url URL]`: the address and the demo login of each role."""

from django.core.management.base import BaseCommand

from canbo.demo.users import demo_login_rows


class Command(BaseCommand):
    help = "In địa chỉ truy cập và tài khoản mẫu của từng vai trò."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="địa chỉ của ứng dụng")

    def handle(self, *args, url, **options):
        rows = demo_login_rows()
        self.stdout.write(f"Canbo đang chạy tại: {url}")
        if not rows:
            self.stdout.write("Chưa có tài khoản mẫu: chạy `python manage.py load_demo` trước.")
            return
        header = ("Tên đăng nhập", "Mật khẩu", "Vai trò", "Đơn vị / phạm vi")
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        self.stdout.write(line.format(*header).rstrip())
        self.stdout.write(line.format(*("-" * w for w in widths)).rstrip())
        for row in rows:
            self.stdout.write(line.format(*row).rstrip())
