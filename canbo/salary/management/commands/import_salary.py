from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from openpyxl import load_workbook

from canbo.accounts.models import User
from canbo.salary.importing import SHEET_TITLE, read_sheet, salary_rows_import, write_template


class Command(BaseCommand):
    help = (
        "Nhập quá trình lương từ tệp .xlsx (trang tính “Quá trình lương” hoặc trang đầu): kiểm tra từng ô, "
        "tất cả hoặc không; --template: ghi tệp mẫu."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .xlsx")
        parser.add_argument("--user", help="Tên đăng nhập của người nhập (phạm vi đơn vị được cập nhật)")
        parser.add_argument("--template", action="store_true", help="Ghi tệp mẫu thay vì nhập")

    def handle(self, *args, file, user=None, template=False, **options):
        if template:
            write_template(file)
            self.stdout.write(self.style.SUCCESS(f"Đã ghi tệp mẫu: {file}"))
            return
        actor = User.objects.filter(username=user).first() if user else None
        if actor is None:
            raise CommandError("Cần --user: tên đăng nhập của người nhập dữ liệu.")
        try:
            workbook = load_workbook(file, read_only=True, data_only=True)
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"Không đọc được tệp {file}: {exc}") from exc
        sheet = workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.worksheets[0]
        try:
            result = salary_rows_import(actor=actor, rows=read_sheet(sheet))
        except ValidationError as exc:
            raise CommandError(
                "Không nhập được, không có dòng nào được ghi:\n" + "\n".join(exc.messages)
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nhập {result.records} dòng quá trình lương, {result.allowances} phụ cấp; "
                f"cập nhật bậc, hệ số hiện hưởng của {result.persons_updated} người."
            )
        )
