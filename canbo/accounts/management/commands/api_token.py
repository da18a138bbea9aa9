"""`python manage.py api_token issue USERNAME --name "..."` | `revoke PREFIX` | `list [USERNAME]`: API keys.

The key is printed once, at issue; only its SHA-256 is kept. See docs/api-tokens.md. A key for an account holding
a role that opens personal data is not printed here: the command files a request, and the key is shown once to the
province board member who approves it (canbo.accounts.account_changes).
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from canbo.accounts.account_changes import account_change_request, needs_second_person
from canbo.accounts.models import AccountChangeKind, ApiToken, User
from canbo.accounts.tokens import VALID_DAYS, api_token_issue, api_token_revoke


class Command(BaseCommand):
    help = "Cấp, thu hồi, liệt kê khóa API cho chương trình kết nối (Authorization: Token <khóa>)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        issue = sub.add_parser("issue", help="cấp một khóa mới cho tài khoản")
        issue.add_argument("username")
        issue.add_argument("--name", required=True, help="ứng dụng nào dùng khóa này")
        issue.add_argument("--days", type=int, default=VALID_DAYS, help="thời hạn của khóa, số ngày (365)")
        revoke = sub.add_parser("revoke", help="thu hồi khóa (theo 8 ký tự đầu)")
        revoke.add_argument("prefix")
        listing = sub.add_parser("list", help="liệt kê các khóa")
        listing.add_argument("username", nargs="?")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _issue(self, *, username, name, days=VALID_DAYS, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        if needs_second_person(user):
            try:
                change = account_change_request(
                    actor=None, user=user, kind=AccountChangeKind.API_TOKEN, value=name
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
            self.stdout.write(
                f"Tài khoản “{username}” có vai trò được xem dữ liệu cá nhân: đã gửi đề nghị cấp khóa "
                f"(số {change.pk}). Khóa sẽ hiện một lần cho thành viên Ban Tổ chức phê duyệt đề nghị tại "
                "/tai-khoan/phan-quyen/."
            )
            return
        try:
            token, key = api_token_issue(user=user, name=name, valid_days=days)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã cấp khóa “{token.name}” cho “{username}”. Khóa (chỉ hiện một lần):")
        self.stdout.write(key)
        self.stdout.write(f"Gửi kèm mỗi yêu cầu: Authorization: Token {key[:8]}…")

    def _revoke(self, *, prefix, **options):
        tokens = list(ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True)[:2])
        if not tokens:
            raise CommandError(f"Không có khóa đang dùng nào bắt đầu bằng “{prefix}”.")
        if len(tokens) > 1:
            raise CommandError(
                f"Có nhiều khóa bắt đầu bằng “{prefix}”: xem “api_token list”, rồi thu hồi từng khóa bằng tên tài khoản."
            )
        api_token_revoke(token=tokens[0])
        self.stdout.write(f"Đã thu hồi khóa {prefix}… ({tokens[0].name}, {tokens[0].user}).")

    def _list(self, *, username=None, **options):
        tokens = ApiToken.objects.select_related("user").order_by("user__username", "-created_at")
        if username:
            tokens = tokens.filter(user__username=username)
        for t in tokens:
            state = f"thu hồi {t.revoked_at:%d/%m/%Y}" if t.revoked_at else "đang dùng"
            if t.expires_at and not t.revoked_at:
                state += f", hết hạn {timezone.localtime(t.expires_at):%d/%m/%Y}"
            used = f"{t.last_used_on:%d/%m/%Y}" if t.last_used_on else "chưa dùng"
            self.stdout.write(
                f"{t.prefix}…  {t.user.username:<20} {t.name:<30} cấp {t.created_at:%d/%m/%Y}  {used}  {state}"
            )
