"""`python manage.py load_demo [--scale N] [--seed S] [--if-empty] [--reset]`: the Điện Biên demo province."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from canbo.demo import DEFAULT_SCALE, DEFAULT_SEED
from canbo.demo.builder import DemoExists, build_demo, reset_demo
from canbo.people.models import Person

LEVEL_LABELS = [("TINH", "cấp tỉnh"), ("HUYEN", "cấp huyện"), ("XA", "cấp xã")]
CHANGE_LABELS = {
    ("PROFESSIONAL", "TRUNG_CAP"): "chuyên môn từ trung cấp trở lên",
    ("PROFESSIONAL", "DAI_HOC"): "chuyên môn từ đại học trở lên",
    ("PROFESSIONAL", "THAC_SI"): "chuyên môn trên đại học",
    ("POLITICAL_THEORY", "TRUNG_CAP"): "lý luận chính trị từ trung cấp trở lên",
}


def vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def vn_float(x: float, digits: int = 1) -> str:
    return f"{x:+.{digits}f}".replace(".", ",")


def fmt_today() -> str:
    return f"{timezone.localdate():%d/%m/%Y}"


class Command(BaseCommand):
    help = (
        "Tạo tỉnh mẫu Điện Biên (bài 001): cây tổ chức, hồ sơ, quá trình công tác, văn bằng và tài khoản mẫu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=DEFAULT_SCALE,
            help=f"số người đang công tác ngày 31/12/2019 (mặc định {DEFAULT_SCALE}, đúng số liệu bài 001)",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="hạt giống ngẫu nhiên (tất định)")
        parser.add_argument("--if-empty", action="store_true", help="không làm gì nếu đã có hồ sơ cán bộ")
        parser.add_argument("--reset", action="store_true", help="xóa dữ liệu mẫu cũ trước khi tạo")
        parser.add_argument("--delete", action="store_true", help="chỉ xóa dữ liệu mẫu")

    def _progress(self, message: str) -> None:
        self.stdout.write(f"  {message}")
        self.stdout.flush()

    def handle(self, *args, scale, seed, if_empty, reset, delete, **options):
        if delete:
            reset_demo()
            self.stdout.write("Đã xóa dữ liệu tỉnh mẫu.")
            return
        if scale < 1:
            raise CommandError("--scale phải là số nguyên dương.")
        if if_empty and Person.objects.exists():
            self.stdout.write("Đã có hồ sơ cán bộ: không tạo lại tỉnh mẫu (bỏ --if-empty hoặc dùng --reset).")
            return
        self.stdout.write(f"Đang tạo tỉnh mẫu Điện Biên ({vn_int(scale)} người ngày 31/12/2019)…")
        try:
            summary = build_demo(scale=scale, seed=seed, reset=reset, progress=self._progress)
        except DemoExists as exc:
            raise CommandError(str(exc)) from exc
        counts = summary.headcount_2019
        total = sum(counts.values())
        parts = "; ".join(f"{label} {vn_int(counts.get(level, 0))}" for level, label in LEVEL_LABELS)
        self.stdout.write(
            self.style.SUCCESS(f"Đã tạo tỉnh mẫu trong {summary.seconds:.1f} giây.".replace(".", ",", 1))
        )
        self.stdout.write(
            f"  {vn_int(summary.units)} đơn vị, {summary.events} sự kiện tổ chức, "
            f"{vn_int(summary.persons)} hồ sơ, {vn_int(summary.employments)} quá trình công tác, "
            f"{vn_int(summary.qualifications)} văn bằng, chứng chỉ."
        )
        self.stdout.write(f"  CBCCVC ngày 31/12/2019: {vn_int(total)} ({parts}).")
        if summary.training:
            t = summary.training
            self.stdout.write(
                f"  Đào tạo, bồi dưỡng: {vn_int(t['enrolments'])} lượt, {vn_int(t['classes'])} lớp, "
                f"{vn_int(t['studies'])} người được cử đi học, {t['plans']} kế hoạch năm; "
                f"{vn_int(summary.ratings)} kết quả xếp loại."
            )
        if summary.planning:
            p, m, gaps = summary.planning, summary.movements, summary.planning["gaps"]
            self.stdout.write(
                f"  Quy hoạch: {p['terms']} nhiệm kỳ, {vn_int(p['posts'])} chức danh, {vn_int(p['entries'])} lượt "
                f"({p['supplements']} bổ sung 2021–2023); chưa có CCLL ngày 31/12/2019: {vn_int(gaps['TINH'])} "
                f"cấp tỉnh, {vn_int(gaps['HUYEN'])} cấp huyện, {vn_int(gaps['PHONG'])} trưởng phòng và tương "
                f"đương. Bổ nhiệm {vn_int(m['appointments'])}, luân chuyển {vn_int(m['rotations'])}, điều động "
                f"{vn_int(m['transfers'])}; rà soát cấp xã 2021: {vn_int(p['review']['findings'])} người chưa đạt."
            )
        if summary.staffing_party and summary.cadre_life:
            sp, cl = summary.staffing_party, summary.cadre_life
            self.stdout.write(
                f"  Tinh giản biên chế: {vn_int(sp['exited'])} đã nghỉ, {vn_int(sp['open'])} đang xử lý; "
                f"{vn_int(sp['quotas'])} chỉ tiêu biên chế; kết nạp đảng viên {vn_int(sp['admissions'])} "
                f"(chỉ tiêu 2020–2025: {vn_int(sp['target'])}, đến 30/06/2023: {vn_int(sp['by_30_06_2023'])}). "
                f"Điển hình học tập và làm theo Bác: {vn_int(cl['ct05_collectives'])} tập thể, "
                f"{vn_int(cl['ct05_individuals'])} cá nhân; {vn_int(cl['awards'])} khen thưởng; "
                f"{vn_int(cl['discipline_records'])} quyết định kỷ luật; {vn_int(cl['feedback'])} phản ánh "
                f"({vn_int(cl['feedback_open'])} chưa xử lý); khảo sát: {vn_int(cl['survey_responses'])}/"
                f"{vn_int(cl['survey_invited'])} phiếu."
            )
        if summary.finishing:
            fin = summary.finishing
            self.stdout.write(
                f"  Đánh giá, xếp loại: {fin['campaigns']} đợt của Sở Nội vụ, {vn_int(fin['sheets'])} phiếu; nhắc "
                f"việc ngày {fmt_today()}: {vn_int(fin['reminders'])} việc đến hạn, {vn_int(fin['notifications'])} "
                f"thông báo cho {fin['users']} người dùng."
            )
            if tr := fin.get("training"):
                self.stdout.write(
                    f"  Kế hoạch đào tạo năm nay, đến ngày {fmt_today()}: {vn_int(tr['classes'])} lớp, "
                    f"{vn_int(tr['enrolments'])} lượt ghi danh, {vn_int(tr['sent'])} người cử đi đào tạo, "
                    f"{vn_int(tr['results'])} kết quả đã ghi."
                )
        if summary.salary:
            sa = summary.salary
            self.stdout.write(
                f"  Quá trình lương: {vn_int(sa['salary_records'])} bản ghi của {vn_int(sa['persons'])} người; "
                f"{vn_int(sa['due_next_month'])} người đến hạn nâng lương tháng sau."
            )
        if options["verbosity"] > 1:
            timings = ", ".join(f"{k} {v:.1f}" for k, v in summary.timings.items())
            self.stdout.write(f"  Thời gian (giây): {timings}.")
        changes = ", ".join(
            f"{CHANGE_LABELS[(s, lv)]} {vn_float(pp)} điểm %" for s, lv, pp in summary.changes
        )
        self.stdout.write(f"  Thay đổi 31/12/2015 → 31/12/2019: {changes}.")
