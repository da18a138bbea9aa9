from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from canbo.accounts.models import User
from canbo.demo.seeds.plans import load_plans


class Command(BaseCommand):
    help = (
        "Lập, trình, thẩm định, phê duyệt, ban hành các kế hoạch đào tạo, bồi dưỡng hằng năm và mở các lớp theo kế "
        "hoạch từ tệp kế hoạch của tỉnh mẫu (seed 000), qua các chức năng của trang kế hoạch."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp kế hoạch (seed_workbooks 000 viết 000-ben-tre-ke-hoach.xlsx)")
        parser.add_argument("--owner", required=True, help="Mã đơn vị xây dựng kế hoạch, ví dụ BT_SNV")
        parser.add_argument(
            "--drafter", required=True, help="Người lập, trình và ban hành (Ban Tổ chức / Sở Nội vụ)"
        )
        parser.add_argument(
            "--appraiser", required=True, help="Người thẩm định (Ban Tổ chức Tỉnh ủy), khác người trình"
        )
        parser.add_argument("--approver", required=True, help="Người phê duyệt (Ban Thường vụ Tỉnh ủy)")

    def handle(self, *args, file, owner, drafter, appraiser, approver, **options):
        users = {}
        for name in (drafter, appraiser, approver):
            users[name] = User.objects.filter(username=name).first()
            if users[name] is None:
                raise CommandError(f"Không có người dùng “{name}”.")
        try:
            plans = load_plans(Path(file), owner_code=owner, drafter=users[drafter], appraiser=users[appraiser],
                               approver=users[approver])  # fmt: skip
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError(f"Không lập được kế hoạch: {exc}") from exc
        for plan in plans:
            self.stdout.write(f"Kế hoạch năm {plan.year}: {plan.lines.count()} dòng, đã ban hành.")
