"""Citizens' feedback 2023–2026 of the demo province (seed 003: delays, harassment at the one-stop desks).

About 80 items (scaled) received 01/2023–03/2026 through the five channels, mostly about a named official of the
unit they worked in on the day, some about a unit only; the deadline is the service's (15 working days). Those
received by 2025 are concluded (about half unfounded; some late), each founded one that led to a discipline case
is written with its case (discipline.py picks the people), the latest are still being verified or not yet
assigned — past their deadline, so the dashboard's overdue tile counts them (at least one in the Sở Nội vụ and
one in the Sở Y tế, the units of the demo's officer and leader logins). Handlers: the unit officer of the Sở Nội
vụ or of the old Tuần Giáo district for their units, the provincial board otherwise.
"""

import random
from datetime import date, timedelta

from canbo.core.bulk import insert_rows
from canbo.feedback.models import Channel, Conclusion, Feedback, FeedbackStatus
from canbo.feedback.services import default_deadline

from ..dates import random_day
from ..planning.writer import stamp

CHANNELS = {
    Channel.CITIZEN: 40,
    Channel.ONLINE_PORTAL: 20,
    Channel.HOTLINE: 15,
    Channel.BUSINESS: 15,
    Channel.PRESS: 10,
}
CONTENTS = [
    "Hồ sơ nộp tại bộ phận một cửa đã quá hẹn trả kết quả nhưng không được giải quyết, không được thông báo lý do.",
    "Cán bộ tiếp nhận yêu cầu nộp thêm nhiều giấy tờ không có trong quy định, người dân phải đi lại nhiều lần.",
    "Thái độ của cán bộ khi tiếp công dân thiếu tôn trọng, quát nạt người dân.",
    "Cán bộ gợi ý nộp thêm tiền “bồi dưỡng” để hồ sơ được giải quyết nhanh.",
    "Chậm chi trả chế độ trợ cấp cho hộ nghèo, người có công so với thời hạn thông báo.",
    "Trong giờ làm việc không có cán bộ tại bộ phận tiếp nhận và trả kết quả.",
    "Hồ sơ cấp giấy phép bị trả lại nhiều lần, mỗi lần một yêu cầu khác nhau.",
]
VERIFIED = {
    Conclusion.UNFOUNDED: "Hồ sơ được giải quyết đúng thời hạn và đúng quy định; nội dung phản ánh không có cơ sở.",
    Conclusion.PARTLY: "Hồ sơ trả chậm so với giấy hẹn do thiếu phối hợp giữa các bộ phận; cán bộ liên quan đã "
    "kiểm điểm, rút kinh nghiệm.",
    Conclusion.FOUNDED: "Nội dung phản ánh đúng; đã yêu cầu cán bộ liên quan giải trình và xin lỗi người dân.",
}
IN_PROGRESS = "Đã làm việc với người phản ánh và cán bộ liên quan; đang thu thập hồ sơ, chứng cứ."
FAMILY = ["Lò", "Quàng", "Lường", "Cà", "Vì", "Nguyễn", "Trần", "Giàng", "Sùng", "Lê"]
GIVEN = ["Văn Thắng", "Thị Hoa", "Văn Pọm", "Thị Ênh", "A Páo", "Thị Mai", "Văn Hùng", "A Chớ"]
FIRMS = [
    "Công ty TNHH Xây dựng Mường Thanh",
    "Hợp tác xã Nông nghiệp Thanh Xương",
    "Công ty cổ phần Vận tải Him Lam",
]
PRESS = ["Báo Điện Biên Phủ", "Đài Phát thanh và Truyền hình tỉnh"]
FIRST, LAST = date(2023, 1, 3), date(2025, 10, 31)  # concluded items
OPEN_LATE = [  # (received between, status): the unhandled ones
    ((date(2025, 11, 3), date(2025, 12, 10)), FeedbackStatus.ASSIGNED),
    ((date(2026, 1, 5), date(2026, 3, 13)), FeedbackStatus.ASSIGNED),
    ((date(2026, 1, 5), date(2026, 3, 13)), FeedbackStatus.RECEIVED),
]


def _sender(rng, channel: str) -> str:
    if channel == Channel.CITIZEN:
        return f"{rng.choice(['Ông', 'Bà'])} {rng.choice(FAMILY)} {rng.choice(GIVEN)}"
    if channel == Channel.BUSINESS:
        return rng.choice(FIRMS)
    if channel == Channel.PRESS:
        return rng.choice(PRESS)
    return ""  # hotline, portal: anonymous


def _handler(ctx, unit, on: date) -> int:
    if unit.code.startswith("DB-SNV"):
        return ctx.users["sonoivu"]
    if unit.code.startswith("DB-H099") and on < date(2025, 7, 1):
        return ctx.users["huyentuangiao"]
    return ctx.users["bantochuc"]


def _row(ctx, rng, received, status, unit, person, content) -> dict:
    channel = rng.choices(list(CHANNELS), weights=list(CHANNELS.values()))[0]
    handler = _handler(ctx, unit, received)
    return {
        "channel": channel,
        "received_on": received,
        "sender": _sender(rng, channel),
        "subject_person_id": person,
        "unit_id": unit.pk,
        "content": content,
        "deadline": default_deadline(received),
        "status": status,
        "handler_id": None if status == FeedbackStatus.RECEIVED else handler,
        "verification_notes": IN_PROGRESS if status == FeedbackStatus.ASSIGNED else "",
        "conclusion": "",
        "closed_on": None,
        "discipline_case_id": None,
        "received_by_id": handler,
        "version": {FeedbackStatus.RECEIVED: 1, FeedbackStatus.ASSIGNED: 3}.get(status, 4),
        "created_at": stamp(received),
        "updated_at": stamp(received),
    }


def _close(row, conclusion: str, closed: date) -> None:
    row.update(
        status=FeedbackStatus.CLOSED,
        conclusion=conclusion,
        closed_on=closed,
        verification_notes=VERIFIED[conclusion],
        handler_id=row["received_by_id"],
        updated_at=stamp(closed),
    )


def _about(ctx, rng, on: date, unit_prefix: str = ""):
    """(unit, person id or None) of someone working on `on` (in a unit under `unit_prefix` if given): random
    careers are drawn until one fits (no scan of everyone for each day)."""
    day, prefix = min(on, date(2025, 12, 31)), unit_prefix or "DB"
    for _ in range(50 * len(ctx.careers)):  # a tiny demo may have nobody there: then anywhere
        pos = rng.randrange(len(ctx.careers))
        row = ctx.careers[pos].row_on(day)
        if row is not None and pos != ctx.official and row.slot.unit.code.startswith(prefix):
            break
    else:
        pos, row = next((p, r) for p, r in ctx.working_on(day) if p != ctx.official)
    if not unit_prefix and rng.random() < 0.25:
        return row.slot.unit, None
    return row.slot.unit, ctx.person_ids[pos]


def build_feedback(ctx, *, cases: list[dict]) -> dict:
    rng = random.Random(f"canbo-demo-feedback-{ctx.seed}")
    rows = []
    for item in cases:  # founded feedback that led to a discipline case
        case = item["case"]
        closed = case["opened_on"] - timedelta(days=rng.randint(3, 10))
        received = closed - timedelta(days=rng.randint(12, 30))
        row = _row(ctx, rng, received, FeedbackStatus.ASSIGNED, item["row"].slot.unit, case["person_id"], "")
        row["content"] = rng.choice(CONTENTS[:4])
        _close(row, rng.choice([Conclusion.FOUNDED, Conclusion.FOUNDED, Conclusion.PARTLY]), closed)
        row["discipline_case_id"] = item["case_id"]
        rows.append(row)
    for _ in range(max(6, ctx.scaled(70))):
        received = random_day(rng, FIRST, LAST)
        unit, person = _about(ctx, rng, received)
        row = _row(ctx, rng, received, FeedbackStatus.ASSIGNED, unit, person, rng.choice(CONTENTS))
        conclusion = rng.choices(list(VERIFIED), weights=[50, 30, 20])[0]
        late = rng.random() < 0.15
        closed = (
            row["deadline"] + timedelta(days=rng.randint(2, 20))
            if late
            else random_day(rng, received + timedelta(days=3), row["deadline"])
        )
        _close(row, conclusion, closed)
        rows.append(row)
    late_ones = [(window, status, "") for window, status in OPEN_LATE for _ in range(max(1, ctx.scaled(3)))]
    late_ones += [
        (OPEN_LATE[1][0], FeedbackStatus.ASSIGNED, "DB-SNV"),
        (OPEN_LATE[2][0], FeedbackStatus.RECEIVED, "DB-SYT"),
    ]
    for (lo, hi), status, prefix in late_ones:
        received = random_day(rng, lo, hi)
        unit, person = _about(ctx, rng, received, prefix)
        rows.append(_row(ctx, rng, received, status, unit, person, rng.choice(CONTENTS)))
    rows.sort(key=lambda r: r["received_on"])
    insert_rows(Feedback, rows)
    open_rows = [r for r in rows if r["status"] != FeedbackStatus.CLOSED]
    return {"feedback": len(rows), "feedback_open": len(open_rows)}
