from django.core.management.base import BaseCommand, CommandError

from canbo.accounts.models import User
from canbo.imports.template import write_template


class Command(BaseCommand):
    help = "Ghi tệp mẫu nhập dữ liệu (.xlsx): bốn trang tính, danh sách thả xuống và trang hướng dẫn."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .xlsx cần ghi")
        parser.add_argument(
            "--user", help="Tên đăng nhập: danh sách đơn vị chỉ gồm các đơn vị người này được cập nhật"
        )

    def handle(self, *args, file, user=None, **options):
        actor = None
        if user:
            actor = User.objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"Không có người dùng “{user}”.")
        try:
            write_template(file, actor=actor)
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp {file}: {exc.strerror}") from exc
        self.stdout.write(self.style.SUCCESS(f"Đã ghi tệp mẫu: {file}"))
