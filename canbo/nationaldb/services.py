"""Writes of the national sync: approve a batch (who, when, signed by the adapter), send what is due (retries with
back-off, idempotent keys), resend a refused item; the access log and consents (NĐ 27/2026; NĐ 13/2023)."""

import csv
import json
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.scoping import can_edit_unit, has_role, unit_editability_q

from .client import NationalDbUnavailable, batch_signer, national_db_client
from .codes import MAPPED_CATALOGUES, national_codes
from .models import AccessLogEntry, Consent, DossierPart, NationalCode, OutboxItem, OutboxState, SyncBatch

MAX_BACKOFF_SECONDS = 6 * 3600
NOT_SYNC_OFFICER = (
    "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ và cán bộ tổ chức đơn vị được duyệt, gửi dữ liệu đồng bộ."
)


def _require_sync_officer(user) -> None:
    if not has_role(user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER):
        raise PermissionDenied(NOT_SYNC_OFFICER)


def backoff_seconds(attempts: int) -> int:
    """1, 2, 4, 8 … minutes after each failed attempt, at most 6 hours."""
    return min(60 * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS)


def _payload(item: OutboxItem, codes: dict | None = None) -> dict:
    if codes is None:
        codes, _problems = national_codes(item.change)
    return {
        "key": str(item.key),
        "national_id": item.national_id,
        "unit": item.unit.code if item.unit_id else "",
        "group": item.group,
        "record": item.record,
        "action": item.action,
        "change": item.change,
        "codes": codes,  # {field: the national list's code} for the coded fields
    }


def hold_back_uncoded(items: list[OutboxItem]) -> tuple[list[OutboxItem], dict[int, dict]]:
    """Split items into those whose every coded value has a national code (returned, with their codes) and
    those that have not: these are set BLOCKED with the Vietnamese message naming the field, the value and
    where to fix it, and leave their batch. They go again at the next approval once the code exists."""
    ready, codes_by_item, changed, memo = [], {}, [], {}
    for item in items:
        codes, problems = national_codes(item.change, memo)
        if problems:
            item.state, item.batch = OutboxState.BLOCKED, None
            item.refused_field = problems[0].field
            item.refusal_reason = " ".join(p.message for p in problems)[:500]
            changed.append(item)
        else:
            if item.state == OutboxState.BLOCKED:
                item.state, item.refused_field, item.refusal_reason = OutboxState.WAITING, "", ""
                changed.append(item)
            ready.append(item)
            codes_by_item[item.pk] = codes
    OutboxItem.objects.bulk_update(
        changed, ["state", "batch", "refused_field", "refusal_reason"], batch_size=1000
    )
    return ready, codes_by_item


def batch_approve(*, user, now=None) -> SyncBatch | None:
    """Approve every waiting, unapproved item in the user's editable units into one batch (recorded: who, when,
    the signature); the worker sends it at its next run. Items held back for a missing national code are
    checked again: those whose code now exists join the batch, the others stay held back with the reason."""
    _require_sync_officer(user)
    now = now or timezone.now()
    condition = unit_editability_q(user, "unit__path")
    with transaction.atomic():
        items = OutboxItem.objects.select_for_update(of=("self",)).filter(
            Q(state=OutboxState.WAITING) | Q(state=OutboxState.BLOCKED), batch__isnull=True
        )
        if condition is not None:
            items = items.filter(condition)
        items, codes = hold_back_uncoded(list(items.select_related("unit").order_by("id")))
        if not items:
            return None
        signer = batch_signer()
        payload = json.dumps(
            [_payload(i, codes[i.pk]) for i in items], ensure_ascii=False, sort_keys=True
        ).encode()
        batch = SyncBatch.objects.create(
            approved_by=user, approved_at=now, signer=signer.name, signature=signer.sign(payload)
        )
        OutboxItem.objects.filter(pk__in=[i.pk for i in items]).update(batch=batch)
    return batch


def outbox_send_due(*, client=None, now=None, limit: int | None = None) -> dict:
    """Send the approved items that are due, batch by batch. An item is marked sent only on the national side's
    answer (accepted, or already received under its key); a failure leaves every item waiting, retried later."""
    client = client or national_db_client()
    now = now or timezone.now()
    size = settings.NATIONAL_DB_BATCH_SIZE
    due = (
        OutboxItem.objects.filter(state=OutboxState.WAITING, batch__isnull=False)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .select_related("unit", "batch")
        .order_by("id")
    )
    items = list(due[: limit or size * 20])
    counts = {"sent": 0, "refused": 0, "failed": 0, "blocked": 0}
    with transaction.atomic():  # a mapping removed since the approval: checked again, never sent uncoded
        ready, codes = hold_back_uncoded(items)
    counts["blocked"] = len(items) - len(ready)
    items = ready
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        batch = chunk[0].batch
        try:
            results = client.send_batch(
                batch=str(batch.uuid),
                signature=batch.signature,
                items=[_payload(i, codes[i.pk]) for i in chunk],
            )
        except NationalDbUnavailable as exc:
            _record_failure(chunk, str(exc), now)
            counts["failed"] += len(chunk)
            break  # the other side is down: the rest waits for the next run
        by_key = {r.key: r for r in results}
        with transaction.atomic():
            for item in chunk:
                result = by_key.get(str(item.key))
                item.attempts += 1
                if result is None:
                    item.next_attempt_at = now + timedelta(seconds=backoff_seconds(item.attempts))
                    item.last_error = "CSDL quốc gia không trả kết quả cho mục này."
                    counts["failed"] += 1
                elif result.status in ("accepted", "duplicate"):
                    item.state, item.sent_at, item.last_error = OutboxState.SENT, now, ""
                    counts["sent"] += 1
                else:
                    item.state = OutboxState.REFUSED
                    item.refused_field, item.refusal_reason = result.field[:10], result.reason[:500]
                    counts["refused"] += 1
                item.save(
                    update_fields=[
                        "attempts", "state", "sent_at", "next_attempt_at", "last_error", "refused_field",
                        "refusal_reason",
                    ]
                )  # fmt: skip
    return counts


def _record_failure(items, message: str, now) -> None:
    with transaction.atomic():
        for item in items:
            item.attempts += 1
            item.next_attempt_at = now + timedelta(seconds=backoff_seconds(item.attempts))
            item.last_error = message[:300]
            item.save(update_fields=["attempts", "next_attempt_at", "last_error"])


def outbox_item_resend(*, user, item: OutboxItem) -> OutboxItem:
    """Put a refused (or backed-off) item back to go at the next run, under the same key."""
    _require_sync_officer(user)
    if item.unit_id is None or not can_edit_unit(user, item.unit):
        raise PermissionDenied(NOT_SYNC_OFFICER)
    if item.state == OutboxState.SENT:
        raise ValidationError("Mục này đã được CSDL quốc gia nhận, không cần gửi lại.")
    with transaction.atomic():
        item.state = OutboxState.WAITING
        item.next_attempt_at = None
        item.refused_field = item.refusal_reason = ""
        item.save(update_fields=["state", "next_attempt_at", "refused_field", "refusal_reason"])
    return item


# --- access log and consent ----------------------------------------------------------------------------------


def access_log_record(*, user, person, part: str, remote_addr: str | None = None) -> AccessLogEntry | None:
    """Log that `user` opened or exported `part` of `person`'s dossier; the person's own look is not logged."""
    if not getattr(user, "is_authenticated", False) or person.user_id == user.pk:
        return None
    return AccessLogEntry.objects.create(
        person=person,
        unit_id=person.current_unit_id,
        viewer=user,
        viewer_name=(user.get_full_name() or user.get_username())[:150],
        part=part,
        remote_addr=remote_addr or None,
    )


def access_log_record_bulk(*, user, persons, part: str, remote_addr: str | None = None) -> int:
    """One log row per person whose dossier `user` exported (their own excepted), one insert."""
    name = (user.get_full_name() or user.get_username())[:150]
    rows = [
        AccessLogEntry(
            person=p,
            unit_id=p.current_unit_id,
            viewer=user,
            viewer_name=name,
            part=part,
            remote_addr=remote_addr or None,
        )  # fmt: skip
        for p in persons
        if p.user_id != user.pk
    ]
    AccessLogEntry.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def access_log_record_exported(*, user, persons, part: str = DossierPart.EXPORT) -> int:
    """One log row per exported person — `persons` as (person id, unit id, account id) — their own excepted."""
    name = (user.get_full_name() or user.get_username())[:150]
    rows = [
        AccessLogEntry(person_id=pk, unit_id=unit_id, viewer=user, viewer_name=name, part=part)
        for pk, unit_id, account_id in persons
        if account_id != user.pk
    ]
    AccessLogEntry.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def consent_grant(*, user, person, purpose: str) -> Consent:
    """The official records their own consent to a use (only the person, under their own login)."""
    if person.user_id != user.pk:
        raise PermissionDenied("Chỉ người có hồ sơ mới ghi nhận sự đồng ý của mình.")
    with transaction.atomic():
        existing = Consent.objects.filter(person=person, purpose=purpose, withdrawn_at__isnull=True).first()
        return existing or Consent.objects.create(person=person, purpose=purpose, recorded_by=user)


def consent_withdraw(*, user, person, purpose: str) -> int:
    if person.user_id != user.pk:
        raise PermissionDenied("Chỉ người có hồ sơ mới rút lại sự đồng ý của mình.")
    return Consent.objects.filter(person=person, purpose=purpose, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


# --- the national code lists' mapping table ------------------------------------------------------------------


def national_codes_load(*, catalogue: str, lines, source: str = "") -> int:
    """Upsert a catalogue's mapping from CSV lines (header, then value, code[, name]); every error reported in
    Vietnamese with its line, nothing written unless all lines are right."""
    if catalogue not in MAPPED_CATALOGUES:
        raise ValidationError(f"Danh mục “{catalogue}” không nạp bằng bảng đối chiếu.")
    rows, errors, seen = [], [], set()
    reader = csv.reader(lines)
    next(reader, None)  # the header
    for number, row in enumerate(reader, start=2):
        cells = [" ".join(c.split()) for c in row]
        if not any(cells):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            errors.append(f"Dòng {number}: cần giá trị trên Canbo và mã quốc gia.")
            continue
        local, code, name = cells[0], cells[1], cells[2] if len(cells) > 2 else ""
        if local in seen:
            errors.append(f"Dòng {number}: giá trị “{local}” đã có ở dòng trên.")
        elif len(local) > 60 or len(code) > 30 or len(name) > 200:
            errors.append(f"Dòng {number}: giá trị, mã hoặc tên quá dài.")
        seen.add(local)
        rows.append((local, code, name))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for local, code, name in rows:
            NationalCode.objects.update_or_create(
                catalogue=catalogue,
                local_value=local,
                defaults={"national_code": code, "national_name": name, "source": source[:200]},
            )
    return len(rows)
