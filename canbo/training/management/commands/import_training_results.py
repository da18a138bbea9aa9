"""manage.py import_training_results FILE --class CODE --user USERNAME [--dry-run]: a class's results from the
.xlsx template (/dao-tao/lop/<id>/mau-ket-qua.xlsx), all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from canbo.accounts.models import Role, User
from canbo.accounts.scoping import has_role
from canbo.core.sheets.files import ImportFileError, format_count
from canbo.training.excel.results import import_results
from canbo.training.selectors import class_queryset_for


class Command(BaseCommand):
    help = (
        "Nhập kết quả học tập của một lớp từ tệp .xlsx theo tệp mẫu của lớp. Mọi dòng được kiểm tra trước; "
        "có lỗi thì không ghi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .xlsx theo tệp mẫu kết quả của lớp")
        parser.add_argument("--class", dest="class_code", required=True, help="Mã lớp")
        parser.add_argument(
            "--user",
            required=True,
            help="Tên đăng nhập người nhập: phạm vi và quyền của người này được áp dụng",
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi dữ liệu")

    def handle(self, *args, file, class_code, user, dry_run=False, **options):
        actor = User.objects.filter(username=user).first()
        if actor is None:
            raise CommandError(f"Không có người dùng “{user}”.")
        if not has_role(actor, Role.UNIT_OFFICER, Role.PROVINCE_BOARD):
            raise CommandError(f"Người dùng “{user}” không có quyền nhập kết quả học tập.")
        klass = class_queryset_for(user=actor).filter(code=class_code).first()
        if klass is None:
            raise CommandError(f"Không có lớp mã “{class_code}” trong phạm vi của người dùng “{user}”.")
        try:
            outcome = import_results(file, actor=actor, klass=klass, dry_run=dry_run)
        except ImportFileError as exc:
            raise CommandError(exc.message) from exc
        if not outcome.ok:
            for e in outcome.errors:
                where = f"dòng {e.row}" if e.row else "(chung)"
                self.stderr.write(f"{e.sheet} – {where} – {e.column or '(chung)'}: {e.message}")
            raise CommandError(
                f"Có {format_count(len(outcome.errors))} lỗi; không dòng nào được ghi. Sửa lỗi rồi nhập lại cả tệp."
            )
        granted = sum(1 for w in outcome.written if w.qualification)
        self.stdout.write(f"Kết quả ghi: {format_count(len(outcome.written))}")
        self.stdout.write(f"Văn bằng, chứng chỉ vào hồ sơ: {format_count(granted)}")
        self.stdout.write(f"Dòng để trống kết quả (không đổi): {format_count(outcome.skipped)}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Tệp hợp lệ. Chỉ kiểm tra (--dry-run): chưa ghi dữ liệu."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Đã nhập xong kết quả lớp {klass.code}."))
