"""The PAR Index 2025 sociological survey of the demo province (seed 003), open, with answers for part of it.

About 300 officials (scaled) working at the end of 2025 are invited, the demo official login's person among them
(unanswered: their dashboard shows the pending questionnaire); each invited official gets an account without a
usable password, as the app invites only people with a login. The invitations come by unit: some units with 10–22
invited and 55–80 % answering (5 responses or more: shown on their own), some with 2–4 invited and 1–3 answers
(fewer than 5: merged into the parent unit by the results' k-anonymity). Responses are written as
services.response_submit writes them: the survey and the respondent's unit, random UUID keys, no link to the
person, no timestamp, in shuffled order; the invitation only gets its `answered_at`.

The survey opens on 15/12/2025 and closes on 31/03/2026 or, when the demo is loaded later, 30 days after the load
(the only date that depends on the day of loading), so that the official's tile shows it.
"""

import random
import uuid
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection
from django.utils import timezone

from canbo.accounts.models import User
from canbo.core.bulk import insert_rows
from canbo.people.models import Person
from canbo.surveys.choices import QuestionKind, SurveyPurpose, SurveyStatus
from canbo.surveys.models import Answer, Choice, Invitation, Question, Response, Survey

from ..planning.writer import stamp

END, OPENS, CLOSES = date(2025, 12, 31), date(2025, 12, 15), date(2026, 3, 31)
TITLE = "Khảo sát xã hội học xác định Chỉ số cải cách hành chính (PAR Index) năm 2025"
QUESTIONS = [
    (
        QuestionKind.SINGLE,
        "Anh/chị đánh giá thế nào về việc công khai, minh bạch thủ tục hành chính tại cơ quan, đơn vị mình?",
        ["Rất tốt", "Tốt", "Bình thường", "Chưa tốt"],
        [30, 45, 20, 5],
    ),
    (
        QuestionKind.SCALE,
        "Mức độ hài lòng của anh/chị về tổ chức bộ máy sau sắp xếp từ 01/07/2025 (1: rất không hài lòng – "
        "5: rất hài lòng)",
        [],
        [3, 7, 25, 40, 25],
    ),
    (
        QuestionKind.MULTIPLE,
        "Những khó khăn chính khi giải quyết thủ tục hành chính cho người dân, doanh nghiệp (chọn một hoặc nhiều)",
        [
            "Văn bản hướng dẫn chưa rõ, thay đổi nhiều",
            "Phối hợp liên thông giữa các cơ quan còn chậm",
            "Hạ tầng công nghệ thông tin, dịch vụ công trực tuyến",
            "Thiếu nhân lực tại bộ phận một cửa",
        ],
        [35, 30, 25, 20],
    ),
    (
        QuestionKind.SCALE,
        "Chất lượng tuyển dụng, bổ nhiệm công chức theo vị trí việc làm ở cơ quan, đơn vị (1: rất kém – 5: rất tốt)",
        [],
        [2, 8, 30, 40, 20],
    ),
    (
        QuestionKind.SINGLE,
        "Hiện tượng nhũng nhiễu, gây phiền hà khi giải quyết thủ tục hành chính ở địa phương",
        ["Không còn", "Hiếm khi", "Thỉnh thoảng", "Thường xuyên"],
        [35, 40, 20, 5],
    ),
    (QuestionKind.TEXT, "Kiến nghị của anh/chị để nâng cao Chỉ số cải cách hành chính của tỉnh", [], []),
]
SUGGESTIONS = [
    "Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
    "Bố trí đủ công chức tại bộ phận một cửa các xã sau sắp xếp.",
    "Tập huấn sử dụng dịch vụ công trực tuyến cho người dân vùng cao.",
    "Công khai số điện thoại đường dây nóng tại nơi tiếp nhận hồ sơ.",
]


def _survey(ctx) -> tuple[Survey, list[tuple[Question, list[Choice], list[int]]]]:
    survey = Survey.objects.create(
        title=TITLE,
        year=2025,
        purpose=SurveyPurpose.PAR_INDEX,
        description="Phiếu khảo sát ẩn danh dành cho cán bộ, công chức, viên chức; kết quả chỉ tổng hợp theo đơn "
        "vị từ 5 phiếu trở lên.",
        opens_on=OPENS,
        closes_on=max(CLOSES, timezone.localdate() + timedelta(days=30)),
        status=SurveyStatus.OPEN,
        created_by_id=ctx.users["bantochuc"],
    )
    questions = []
    for order, (kind, text, choices, weights) in enumerate(QUESTIONS, start=1):
        question = Question.objects.create(
            survey=survey, order=order, text=text, kind=kind, required=kind != QuestionKind.TEXT
        )
        made = Choice.objects.bulk_create(
            Choice(question=question, order=i, text=c) for i, c in enumerate(choices, start=1)
        )
        questions.append((question, made, weights))
    return survey, questions


def _invited(ctx, rng, target: int) -> list[tuple[int, int, int]]:
    """(position, unit pk, answers wanted) per invited official; the official login's unit first."""
    by_unit: dict[int, list[int]] = {}
    for pos, row in ctx.working_on(END):
        if ctx.careers[pos].last is row:
            by_unit.setdefault(row.slot.unit.pk, []).append(pos)
    units = sorted(by_unit)
    rng.shuffle(units)
    if ctx.official is not None:
        own = ctx.careers[ctx.official].last.slot.unit.pk
        units.remove(own)
        units.insert(0, own)
    chosen = []
    for n, unit in enumerate(units):
        if len(chosen) >= target:
            break
        members = by_unit[unit]
        big = n % 3 != 2
        size = min(len(members), rng.randint(10, 22) if big else rng.randint(2, 4), target - len(chosen))
        picked = rng.sample(members, size)
        if n == 0 and ctx.official is not None and ctx.official not in picked:
            picked[0] = ctx.official
        answering = round(size * rng.uniform(0.55, 0.8)) if big else rng.randint(1, min(3, size))
        flags = [True] * answering + [False] * (size - answering)
        rng.shuffle(flags)
        for pos, answered in zip(picked, flags, strict=True):
            chosen.append((pos, unit, answered and pos != ctx.official))
    return chosen


def _accounts(ctx, rng, positions: list[int]) -> None:
    """A login (no usable password) for each invited official without one."""
    people = Person.objects.filter(pk__in=[ctx.person_ids[p] for p in positions], user__isnull=True)
    rows = []
    for pk, code, full_name in people.values_list("pk", "code", "full_name"):
        family, _sep, given = full_name.partition(" ")
        rows.append(
            {
                "password": UNUSABLE_PASSWORD_PREFIX
                + "".join(rng.choices("abcdefghijkmnpqrstuvwxyz23456789", k=40)),
                "username": code.lower(),
                "first_name": given[:150],
                "last_name": family[:150],
                "date_joined": stamp(date(2025, 12, 10)),
                "_person": pk,
            }
        )
    persons = {r["username"]: r.pop("_person") for r in rows}
    insert_rows(User, rows)
    ids = User.objects.filter(username__in=list(persons)).values_list("username", "pk")
    table = connection.ops.quote_name(Person._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET user_id = %s WHERE id = %s",  # noqa: S608
            [(pk, persons[username]) for username, pk in ids],
        )


def _answers(rng, response_id, questions) -> list[dict]:
    rows = []
    for question, choices, weights in questions:
        base = {"id": uuid.UUID(int=rng.getrandbits(128), version=4), "response_id": response_id}
        if question.kind == QuestionKind.SINGLE:
            rows.append(
                {**base, "question_id": question.pk, "choice_id": rng.choices(choices, weights)[0].pk}
            )
        elif question.kind == QuestionKind.MULTIPLE:
            picked = {c.pk for c in rng.choices(choices, weights, k=rng.randint(1, 3))}
            for n, choice in enumerate(sorted(picked)):
                uid = base["id"] if n == 0 else uuid.UUID(int=rng.getrandbits(128), version=4)
                rows.append({**base, "id": uid, "question_id": question.pk, "choice_id": choice})
        elif question.kind == QuestionKind.SCALE:
            rows.append({**base, "question_id": question.pk, "scale": rng.choices(range(1, 6), weights)[0]})
        elif rng.random() < 0.3:
            rows.append({**base, "question_id": question.pk, "text": rng.choice(SUGGESTIONS)})
    return [{"choice_id": None, "scale": None, "text": "", **r} for r in rows]


def build_surveys(ctx) -> dict:
    rng = random.Random(f"canbo-demo-surveys-{ctx.seed}")
    survey, questions = _survey(ctx)
    invited = _invited(ctx, rng, max(12, ctx.scaled(300)))
    _accounts(ctx, rng, [pos for pos, _u, _a in invited])
    opened = timezone.make_aware(datetime.combine(OPENS, time(8)))
    latest = min(timezone.now(), timezone.make_aware(datetime.combine(CLOSES, time(17))))
    span = int((latest - opened).total_seconds())
    invitations, responses = [], []
    for pos, unit, answered in invited:
        invitations.append(
            {
                "survey_id": survey.pk,
                "person_id": ctx.person_ids[pos],
                "unit_id": unit,
                "invited_by_id": ctx.users["bantochuc"],
                "created_at": opened,
                "answered_at": opened + timedelta(seconds=rng.randrange(span)) if answered else None,
            }
        )
        if answered:
            responses.append(
                {
                    "id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "survey_id": survey.pk,
                    "unit_id": unit,
                }
            )
    rng.shuffle(responses)  # no order ties a response to an invitation
    insert_rows(Invitation, invitations)
    insert_rows(Response, responses)
    key = Response._meta.pk  # a foreign key to a UUID is not adapted by insert_rows: prepare it here
    insert_rows(
        Answer,
        (a for r in responses for a in _answers(rng, key.get_db_prep_value(r["id"], connection), questions)),
    )
    return {"survey_invited": len(invitations), "survey_responses": len(responses)}
