import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from canbo.accounts.models import User
from canbo.imports.importer import run_import
from canbo.imports.reading import ImportFileError
from canbo.imports.services import annotate_rejected, format_count, require_import

_LABELS = {"read": "Đọc tệp", "check": "Kiểm tra", "write": "Ghi dữ liệu"}
_COUNTS = [
    ("persons_created", "Hồ sơ tạo mới"),
    ("persons_updated", "Hồ sơ cập nhật"),
    ("persons_unchanged", "Hồ sơ không đổi"),
    ("persons_incomplete", "Hồ sơ chưa đủ (chưa có quá trình công tác)"),
    ("employments_created", "Quá trình công tác thêm mới"),
    ("employments_updated", "Quá trình công tác cập nhật"),
    ("qualifications_created", "Văn bằng, chứng chỉ thêm mới"),
    ("qualifications_updated", "Văn bằng, chứng chỉ cập nhật"),
    ("movements_created", "Điều động, luân chuyển, biệt phái từ quá trình công tác"),
    ("salary_records_created", "Quá trình lương thêm mới"),
    ("appointments_created", "Bổ nhiệm ghi nhận từ quá trình công tác"),
    ("units_created", "Đơn vị thêm mới"),
    ("units_ended", "Đơn vị kết thúc hiệu lực"),
    ("org_events_created", "Sự kiện tổ chức thêm mới"),
    ("classes_created", "Lớp đào tạo, bồi dưỡng thêm mới"),
    ("enrolments_created", "Lượt đào tạo, bồi dưỡng thêm mới"),
    ("ratings_created", "Kết quả xếp loại thêm mới"),
    ("awards_created", "Khen thưởng thêm mới"),
    ("discipline_created", "Kỷ luật thêm mới"),
    ("records_kept", "Bản ghi đã có, giữ nguyên"),
]


class _Bars:
    """One tqdm bar per stage of the import."""

    def __init__(self, stream, enabled: bool):
        self.stream, self.enabled = stream, enabled
        self.bar = None
        self.stage = None

    def __call__(self, stage, done, total):
        if not self.enabled:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            unit, scale = ("B", True) if stage == "read" else ("", False)
            self.bar = tqdm(
                total=total, desc=_LABELS.get(stage, stage), unit=unit, unit_scale=scale, file=self.stream
            )
        self.bar.total = total
        self.bar.n = min(done, total)
        self.bar.refresh()

    def close(self):
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class Command(BaseCommand):
    help = (
        "Nhập cán bộ, quá trình công tác và văn bằng từ tệp .xlsx theo tệp mẫu. Mọi dòng được kiểm tra "
        "trước; có lỗi thì không ghi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .xlsx theo tệp mẫu (manage.py export_template)")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi dữ liệu")
        parser.add_argument(
            "--user",
            help="Tên đăng nhập người nhập: phạm vi đơn vị của người này được áp dụng và ghi vào lịch sử",
        )
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến độ")
        parser.add_argument(
            "--marked",
            metavar="TỆP",
            help="Khi có lỗi: ghi ra tệp này bản sao của tệp nhập, các ô lỗi được tô đỏ và ghi chú lý do",
        )

    def handle(self, *args, file, dry_run=False, user=None, no_progress=False, marked=None, **options):
        actor = None
        if user:
            actor = User.objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"Không có người dùng “{user}”.")
            try:
                require_import(actor)
            except Exception as exc:
                raise CommandError(str(exc.args[0] if exc.args else exc)) from exc
        bars = _Bars(sys.stderr, enabled=not no_progress)
        try:
            outcome = run_import(file, actor=actor, dry_run=dry_run, progress=bars)
        except ImportFileError as exc:
            raise CommandError(exc.message) from exc
        finally:
            bars.close()
        if not outcome.ok:
            for error in outcome.errors:
                self.stderr.write(
                    f"{error.sheet} – dòng {error.row} – {error.column or '(chung)'}: {error.message}"
                )
            if marked and annotate_rejected(path=file, errors=outcome.errors, target=marked):
                self.stderr.write(f"Đã ghi tệp đánh dấu lỗi: {marked}")
            raise CommandError(
                f"Có {format_count(len(outcome.errors))} lỗi; không dòng nào được ghi. Sửa lỗi rồi nhập lại cả tệp."
            )
        for key, label in _COUNTS:
            self.stdout.write(f"{label}: {format_count(outcome.counts.get(key, 0))}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Tệp hợp lệ. Chỉ kiểm tra (--dry-run): chưa ghi dữ liệu."))
        else:
            self.stdout.write(self.style.SUCCESS("Đã nhập xong."))
