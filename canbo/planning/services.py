"""Writes of cadre planning: terms, planned posts, proposals, approval and removal by a decision, the
confirmation of the automatic removal proposals, and the training lines the plan's gaps propose.

Each is a transaction with its audit rows; a refusal is a Vietnamese message and nothing is written. The
limits of domain.md rule 10 are checked on proposal (the counts include proposals, so an approval never
breaks them): at most term.max_per_post people per seat of a post, at most term.max_posts_per_person posts per
person in the term at the same tier, no planning while an appointment of the person is under way, higher
titles only, working people only.
"""

from collections import defaultdict
from datetime import date

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from canbo.accounts.access import require_board, require_edit
from canbo.core.audit import audit_actor
from canbo.core.decisions import decision_errors
from canbo.core.versioning import bump_version
from canbo.discipline.models import DisciplineRecord
from canbo.org.models import AdminLevel, OrgUnit
from canbo.people.choices import PersonStatus
from canbo.people.models import Person, Position
from canbo.people.retirement import retirement_date
from canbo.training.choices import Venue
from canbo.training.services import plan_line_save

from . import rules
from .choices import EntryStatus, PlanningTier, RemovalReason
from .models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from .selectors import LIVE, removal_proposals

TERM_FIELDS = [
    "code",
    "kind",
    "start_date",
    "end_date",
    "max_per_post",
    "max_posts_per_person",
    "min_women_pct",
    "min_young_pct",
    "young_age",
    "legal_basis",
]


def _require_unit(actor, unit: OrgUnit, what: str) -> None:
    require_edit(actor, unit, f"Anh/chị không có quyền {what} của đơn vị {unit.name}.")


# --- terms and posts ------------------------------------------------------------------------------------------


@transaction.atomic
def term_create(*, actor, data: dict) -> PlanningTerm:
    require_board(actor, "Chỉ Ban Tổ chức Tỉnh ủy được lập nhiệm kỳ quy hoạch.")
    given = {k: v for k, v in data.items() if k in TERM_FIELDS and v is not None}
    defaults = rules.term_defaults(given["start_date"]) if given.get("start_date") else {}
    term = PlanningTerm(**{**defaults, **given})
    errors = {}
    term.code = (term.code or "").strip()
    if term.code and PlanningTerm.objects.filter(code=term.code).exists():
        errors["code"] = [f"Nhiệm kỳ {term.code} đã có."]
    if term.start_date and term.end_date and term.end_date <= term.start_date:
        errors["end_date"] = ["Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."]
    for name in ("min_women_pct", "min_young_pct"):
        if getattr(term, name) is not None and getattr(term, name) > 100:
            errors[name] = ["Tỷ lệ không được quá 100%."]
    for name in ("max_per_post", "max_posts_per_person", "young_age"):
        if getattr(term, name) is not None and getattr(term, name) < 1:
            errors[name] = ["Giá trị phải từ 1 trở lên."]
    if errors:
        raise ValidationError(errors)
    term.full_clean()
    with audit_actor(actor):
        term.save()
    return term


@transaction.atomic
def post_create(
    *, actor, term: PlanningTerm, unit: OrgUnit, position: Position, tier: str, seats: int = 1
) -> PlannedPost:
    _require_unit(actor, unit, "thêm chức danh quy hoạch")
    errors = {}
    if not position.is_leadership:
        errors["position"] = ["Chỉ quy hoạch chức vụ lãnh đạo, quản lý."]
    if unit.valid_to and unit.valid_to < term.start_date:
        errors["unit"] = [
            f"Đơn vị đã hết hiệu lực ngày {unit.valid_to:%d/%m/%Y}, trước nhiệm kỳ {term.code}."
        ]
    if tier not in PlanningTier.values:
        errors["tier"] = [f"Nhóm quy hoạch “{tier}” không hợp lệ."]
    elif district_refusal := _district_refusal(term, unit, position, tier):
        errors["tier"] = [district_refusal]
    if seats is None or seats < 1:
        errors["seats"] = ["Số chức danh phải từ 1 trở lên."]
    if PlannedPost.objects.filter(term=term, unit=unit, position=position).exists():
        errors["position"] = [f"Chức danh {position} của {unit.name} đã có trong quy hoạch nhiệm kỳ {term}."]
    if errors:
        raise ValidationError(errors)
    post = PlannedPost(term=term, unit=unit, position=position, tier=tier, seats=seats)
    post.full_clean()
    with audit_actor(actor):
        post.save()
    return post


def _district_refusal(term: PlanningTerm, unit: OrgUnit, position: Position, tier: str) -> str | None:
    """No district post for a term that starts after the district level ended (30/06/2025, PlanningRule)."""
    if PlanningTier.DISTRICT in rules.open_tiers(term.start_date):
        return None
    district = (
        tier == PlanningTier.DISTRICT
        or unit.level == AdminLevel.HUYEN
        or (position.valid_to is not None and position.valid_to < term.start_date)
    )
    if not district:
        return None
    return (
        f"Nhiệm kỳ {term.code} bắt đầu ngày {term.start_date:%d/%m/%Y}, sau khi kết thúc cấp huyện "
        f"(30/06/2025): không quy hoạch chức danh cấp huyện ({position} – {unit.name})."
    )


# --- the checks of rule 10 --------------------------------------------------------------------------------------

# Appointments live in movements, above planning: movements hands over its reader of "the person's appointment
# under way" (MovementsConfig.ready), so planning never imports movements.
_appointment_under_way = None


def read_appointments_with(reader) -> None:
    """`reader(person)` → the person's appointment under way (with `position` and `unit`), or None."""
    global _appointment_under_way
    _appointment_under_way = reader


def _working_and_free(person: Person) -> list[str]:
    """A working person, with no appointment under way (planning and appointment are not done at once)."""
    errors = []
    if person.status != PersonStatus.WORKING:
        errors.append(
            f"{person.full_name} không còn công tác ({person.get_status_display().lower()}): "
            "không đưa vào quy hoạch."
        )
    if _appointment_under_way is None:
        raise ImproperlyConfigured(
            "Rule 10 needs canbo.movements installed (it gives the appointments' reader)."
        )
    appointment = _appointment_under_way(person)
    if appointment is not None:
        errors.append(
            f"{person.full_name} đang có đề xuất bổ nhiệm ({appointment.position}, {appointment.unit.name}; "
            f"{appointment.get_status_display().lower()}): không quy hoạch đồng thời với việc bổ nhiệm."
        )
    return errors


def _gate_errors(post: PlannedPost, person: Person, on: date) -> list[str]:
    """QĐ 377's gates at the proposal: a full term of service, no sanction in effect, no district post."""
    term, errors = post.term, []
    gates = rules.gates(on)
    if district := _district_refusal(term, post.unit, post.position, post.tier):
        errors.append(district)
    if gates["full_term"] and person.date_of_birth is not None:
        retires = retirement_date(person.gender, person.date_of_birth)
        if retires < term.end_date:
            errors.append(
                f"{person.full_name} nghỉ hưu ngày {retires:%d/%m/%Y}, trước khi kết thúc nhiệm kỳ "
                f"({term.end_date:%d/%m/%Y}): không đủ tuổi công tác trọn một nhiệm kỳ, không đưa vào quy hoạch."
            )
    if gates["no_sanction"]:
        record = (
            DisciplineRecord.objects.filter(person=person, decided_on__lte=on)
            .filter(Q(effective_until__isnull=True) | Q(effective_until__gte=on))
            .order_by("-decided_on", "-id")
            .first()
        )
        if record is not None:
            until = (
                f"đến ngày {record.effective_until:%d/%m/%Y}"
                if record.effective_until
                else "chưa hết hiệu lực"
            )
            errors.append(
                f"{person.full_name} đang trong thời hạn thi hành kỷ luật ({record.get_form_display().lower()}, "
                f"quyết định số {record.decision_number} ngày {record.decided_on:%d/%m/%Y}, {until}): không đưa "
                "vào quy hoạch."
            )
    return errors


def proposal_errors(post: PlannedPost, person: Person, on: date | None = None) -> list[str]:
    """Every rule-10 refusal and QĐ 377 gate for putting `person` in `post` on `on` (default today)."""
    term = post.term
    errors = _working_and_free(person) + _gate_errors(post, person, on or timezone.localdate())
    current = person.position
    if current is not None and current.tier >= post.position.tier:
        errors.append(
            f"Chỉ quy hoạch chức danh cao hơn: {person.full_name} đang giữ chức vụ “{current}”, không thấp "
            f"hơn chức danh quy hoạch “{post.position}”."
        )
    live = PlanningEntry.objects.filter(status__in=LIVE)
    if live.filter(post=post, person=person).exists():
        errors.append(f"{person.full_name} đã có trong quy hoạch chức danh này.")
        return errors
    limit = term.max_per_post * post.seats
    in_post = live.filter(post=post).count()
    if in_post >= limit:
        errors.append(
            f"Chức danh “{post.position} – {post.unit.name}” đã có {in_post} người trong quy hoạch (đề xuất và "
            f"đã phê duyệt); tối đa {limit} người."
        )
    same_tier = live.filter(person=person, post__term=term, post__tier=post.tier).count()
    if same_tier >= term.max_posts_per_person:
        errors.append(
            f"{person.full_name} đã được quy hoạch {same_tier} chức danh nhóm “{post.get_tier_display()}” "
            f"trong nhiệm kỳ {term}; tối đa {term.max_posts_per_person} chức danh."
        )
    return errors


# --- proposals -----------------------------------------------------------------------------------------------


@transaction.atomic
def entry_propose(*, actor, post: PlannedPost, person: Person, note: str = "") -> PlanningEntry:
    _require_unit(actor, post.unit, "đề xuất quy hoạch chức danh")
    # Locks: two officers proposing at once cannot both take the last seat or a person's last post.
    post = (
        PlannedPost.objects.select_for_update(of=("self",))
        .select_related("term", "unit", "position")
        .get(pk=post.pk)
    )
    person = Person.objects.select_for_update(of=("self",)).select_related("position").get(pk=person.pk)
    errors = proposal_errors(post, person)
    if errors:
        raise ValidationError(errors)
    entry = PlanningEntry(post=post, person=person, proposed_by=actor, note=note.strip())
    entry.full_clean()
    with audit_actor(actor):
        entry.save()
    return entry


@transaction.atomic
def entry_withdraw(
    *, actor, entry: PlanningEntry, note: str = "", expected_version: int | None = None
) -> PlanningEntry:
    """Take back a proposal not yet approved (an approved entry leaves the plan only by a decision)."""
    _require_unit(actor, entry.post.unit, "rút đề xuất quy hoạch")
    if entry.status != EntryStatus.PROPOSED:
        raise ValidationError(
            "Chỉ rút được đề xuất chưa phê duyệt; người đã được phê duyệt chỉ đưa ra khỏi quy hoạch bằng "
            "quyết định."
        )
    bump_version(PlanningEntry, entry, expected_version)
    entry.status, entry.removed_on, entry.removal_reason = (
        EntryStatus.REMOVED,
        timezone.localdate(),
        RemovalReason.REVIEW,
    )
    entry.note = (note or entry.note).strip()
    with audit_actor(actor):
        entry.save(update_fields=["status", "removed_on", "removal_reason", "note", "version", "updated_at"])
    return entry


# --- decisions: approval and removal ----------------------------------------------------------------------


def decision_for(
    *, actor, term: PlanningTerm, number: str, date: date | None, approving_body: str, note: str = ""
) -> PlanningDecision:
    """The term's decision with this number (the same date), or a new one."""
    number, approving_body = (number or "").strip(), (approving_body or "").strip()
    errors = decision_errors(number, date, number_field="number", date_field="date")
    if not approving_body:
        errors["approving_body"] = ["Cần cơ quan phê duyệt."]
    if errors:
        raise ValidationError(errors)
    existing = PlanningDecision.objects.filter(term=term, number=number).first()
    if existing is not None:
        if existing.date != date:
            raise ValidationError(
                {"date": [f"Quyết định số {number} đã ghi nhận với ngày {existing.date:%d/%m/%Y}."]}
            )
        return existing
    decision = PlanningDecision(term=term, number=number, date=date, approving_body=approving_body, note=note)
    decision.full_clean()
    with audit_actor(actor):
        decision.save()
    return decision


def _locked(entries) -> list[PlanningEntry]:
    ids = sorted({e.pk for e in entries})
    if not ids:
        raise ValidationError("Chọn ít nhất một người.")
    rows = list(
        PlanningEntry.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("post__term", "post__unit", "post__position", "person")
        .order_by("pk")
    )
    if len({e.post.term_id for e in rows}) != 1:
        raise ValidationError(
            "Một quyết định chỉ phê duyệt hoặc đưa ra người trong quy hoạch của một nhiệm kỳ."
        )
    return rows


def _save_all(actor, rows, fields) -> None:
    with audit_actor(actor):
        for entry in rows:
            entry.version += 1
            entry.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def entries_approve(
    *,
    actor,
    entries,
    number: str,
    date: date | None,
    approving_body: str,
    is_supplement: bool = False,
    note: str = "",
) -> PlanningDecision:
    """Approve (or, in a yearly review, supplement) proposals by one decision."""
    require_board(actor, "Chỉ Ban Tổ chức Tỉnh ủy được phê duyệt quy hoạch.")
    rows = _locked(entries)
    errors = []
    for entry in rows:
        if entry.status != EntryStatus.PROPOSED:
            errors.append(f"{entry.person.full_name} ({entry.post.position}): không ở trạng thái đề xuất.")
        else:
            errors += _working_and_free(entry.person)
    if errors:
        raise ValidationError(errors)
    decision = decision_for(
        actor=actor,
        term=rows[0].post.term,
        number=number,
        date=date,
        approving_body=approving_body,
        note=note,
    )
    for entry in rows:
        entry.status, entry.approved_by, entry.approved_on = EntryStatus.APPROVED, decision, decision.date
        entry.is_supplement = is_supplement
    _save_all(actor, rows, ["status", "approved_by", "approved_on", "is_supplement"])
    return decision


@transaction.atomic
def entries_remove(
    *,
    actor,
    entries,
    reason: str,
    number: str,
    date: date | None,
    approving_body: str,
    note: str = "",
) -> PlanningDecision:
    """Take approved people out of the plan by a decision, with the reason."""
    require_board(actor, "Chỉ Ban Tổ chức Tỉnh ủy được đưa người ra khỏi quy hoạch.")
    if reason not in RemovalReason.values:
        raise ValidationError({"reason": ["Cần lý do đưa ra khỏi quy hoạch."]})
    rows = _locked(entries)
    errors = []
    for entry in rows:
        if entry.status != EntryStatus.APPROVED:
            errors.append(
                f"{entry.person.full_name} ({entry.post.position}): chưa ở trong quy hoạch đã phê duyệt."
            )
        elif date is not None and date < entry.approved_on:
            errors.append(
                f"{entry.person.full_name}: ngày quyết định đưa ra trước ngày được phê duyệt "
                f"({entry.approved_on:%d/%m/%Y})."
            )
    if errors:
        raise ValidationError(errors)
    decision = decision_for(
        actor=actor,
        term=rows[0].post.term,
        number=number,
        date=date,
        approving_body=approving_body,
        note=note,
    )
    for entry in rows:
        entry.status, entry.removed_by, entry.removed_on = EntryStatus.REMOVED, decision, decision.date
        entry.removal_reason = reason
        if note:
            entry.note = note.strip()[:300]
    _save_all(actor, rows, ["status", "removed_by", "removed_on", "removal_reason", "note"])
    return decision


@transaction.atomic
def removal_proposals_confirm(
    *,
    actor,
    term: PlanningTerm,
    entry_ids,
    number: str,
    date: date | None,
    approving_body: str,
    on: date | None = None,
) -> int:
    """Confirm some of the automatic removal proposals (rule 12) by a decision; each keeps its own reason."""
    require_board(actor, "Chỉ Ban Tổ chức Tỉnh ủy được đưa người ra khỏi quy hoạch.")
    proposals = {
        p.entry.pk: p for p in removal_proposals(user=actor, term=term, on=on or timezone.localdate())
    }
    ids = {int(i) for i in entry_ids}
    if not ids:
        raise ValidationError("Chọn ít nhất một người.")
    missing = ids - set(proposals)
    if missing:
        raise ValidationError("Có người đã chọn không còn trong danh sách đề nghị đưa ra: tải lại trang.")
    by_reason = defaultdict(list)
    for pk in sorted(ids):
        by_reason[proposals[pk].reason].append(proposals[pk].entry)
    for reason, entries in by_reason.items():
        entries_remove(
            actor=actor,
            entries=entries,
            reason=reason,
            number=number,
            date=date,
            approving_body=approving_body,
        )
    return len(ids)


# --- training needs → next year's training plan ------------------------------------------------------------


@transaction.atomic
def training_lines_propose(*, actor, term: PlanningTerm, plan, on: date | None = None) -> list:
    """One line per programme with target = the people of the plan (in the actor's units) lacking that level;
    pressed again, the same lines are updated, not duplicated. The plan must be next year's draft."""
    from .needs import training_needs

    on = on or timezone.localdate()
    if plan.year != on.year + 1:
        raise ValidationError(
            {"plan": [f"Nhu cầu tính đến {on:%d/%m/%Y} được đưa vào kế hoạch năm {on.year + 1}."]}
        )
    needs = training_needs(user=actor, term=term, on=on)
    proposed = [line for line in needs.lines if line.programme is not None]
    if not proposed:
        raise ValidationError(
            "Người trong quy hoạch không thiếu trình độ nào có chương trình đào tạo tương ứng."
        )
    audience = f"Cán bộ trong quy hoạch nhiệm kỳ {term.code} chưa đạt tiêu chuẩn chức danh"
    saved = []
    for line in proposed:
        existing = plan.lines.filter(
            programme=line.programme, mode="", venue=Venue.DOMESTIC, audience=audience
        )
        data = {
            "programme": line.programme,
            "mode": "",
            "venue": Venue.DOMESTIC,
            "audience": audience,
            "responsible_unit": plan.owner_unit,
            "target_count": line.count,
            "note": f"Đề xuất từ quy hoạch ngày {on:%d/%m/%Y}: {line.count} người {line.label}.",
        }
        saved.append(plan_line_save(actor=actor, plan=plan, data=data, line=existing.first()))
    return saved
