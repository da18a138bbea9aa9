"""`python manage.py bootstrap_board USERNAME`: the first province board member of a new installation.

Someone must approve the first role that opens personal data. This command, run on the server, gives the
board role to one account while no active board member exists, and refuses from then on: every later role
is requested in the admin and approved by a board member other than the requester.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from canbo.accounts.models import User
from canbo.accounts.services import role_assignment_bootstrap_board


class Command(BaseCommand):
    help = "Cấp vai trò Ban Tổ chức cho tài khoản đầu tiên (chỉ khi chưa có thành viên Ban Tổ chức nào)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="tên đăng nhập của tài khoản")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        try:
            role_assignment_bootstrap_board(user=user)
        except (PermissionDenied, ValidationError) as exc:
            text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(text) from exc
        self.stdout.write(f"Đã cấp vai trò Ban Tổ chức Tỉnh ủy / Sở Nội vụ cho “{username}”.")
