"""The commune-level units after the 2025 reform (3.321 from 01/07/2025): the list committed as
data/communes.csv (source: thanglequoc/vietnamese-provinces-database, MIT, from the General Statistics Office's
list; built by tools/build_communes_csv.py), synchronised into `Commune` after every migrate (decision 049), and
the lookups the entry forms and the outbox use."""

import csv
from datetime import date
from pathlib import Path

from django.db.models import Q
from django.utils import timezone

from .models import Commune

CSV_PATH = Path(__file__).resolve().parent / "data" / "communes.csv"
FIELDS = ("kind", "name", "province", "valid_to", "basis")


def _rows() -> list[dict]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["valid_from"] = date.fromisoformat(row["valid_from"])
        row["valid_to"] = date.fromisoformat(row["valid_to"]) if row["valid_to"] else None
    return rows


def sync_communes(*, using: str = "default") -> tuple[int, int]:
    """Insert the CSV's rows the table lacks and correct the rows that differ (keyed by code and start of
    validity); rows are never deleted (a person's place may point to them). Idempotent: (inserted, updated)."""
    rows = _rows()
    existing = {(c.code, c.valid_from): c for c in Commune.objects.using(using).all()}
    new, changed = [], []
    for row in rows:
        current = existing.get((row["code"], row["valid_from"]))
        if current is None:
            new.append(Commune(**row))
        elif any(getattr(current, f) != row[f] for f in FIELDS):
            for f in FIELDS:
                setattr(current, f, row[f])
            changed.append(current)
    Commune.objects.using(using).bulk_create(new, batch_size=1000)
    Commune.objects.using(using).bulk_update(changed, FIELDS, batch_size=1000)
    return len(new), len(changed)


def valid_on(day: date | None = None) -> Q:
    day = day or timezone.localdate()
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def communes_of(province: str, day: date | None = None):
    """The units of a province in force on `day` (today), in name order: the list an entry form offers."""
    return Commune.objects.filter(valid_on(day), province=province).order_by("name", "code")
