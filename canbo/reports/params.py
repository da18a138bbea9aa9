"""A report's validated parameters and the ways a report takes its dates.

The parameters form (forms.py) reads them from here, not from base.py, so base.py imports forms.py at the top
and the two modules no longer import each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from .formatting import fmt_date

if TYPE_CHECKING:
    from canbo.org.models import OrgUnit

# How a report takes its dates (Report.period_kind).
SNAPSHOT = "snapshot"  # `on` (and two snapshots `from`/`to` when period_allowed)
INTERVAL = "interval"  # an interval `from`–`to` (default 01/01 of this year → today); no `on`
UNDATED = "undated"  # no date parameter (e.g. a plan year given as an option); `on` is today


@dataclass(frozen=True)
class ReportParams:
    """Validated parameters: `on` for a snapshot, `date_from`/`date_to` for a comparison of two snapshots or,
    with `interval`, the first and last day of an interval (both included)."""

    org: OrgUnit | None = None
    on: date | None = None
    date_from: date | None = None
    date_to: date | None = None
    options: dict = field(default_factory=dict)
    interval: bool = False

    @property
    def is_period(self) -> bool:
        return self.date_from is not None and self.date_to is not None

    @property
    def dates(self) -> list[date]:
        return [self.date_from, self.date_to] if self.is_period else [self.on]

    def as_dict(self) -> dict:
        return {
            "org": self.org.code if self.org else None,
            "on": self.on.isoformat() if self.on else None,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            **self.options,
        }

    def query_string(self, **extra) -> str:
        """The GET parameters that reproduce this report (dates as dd/mm/yyyy), for links and downloads."""
        data = {"org": self.org.code if self.org else ""}
        if self.is_period:
            data.update({"from": fmt_date(self.date_from), "to": fmt_date(self.date_to)})
        else:
            data["on"] = fmt_date(self.on)
        data.update(self.options)
        data.update(extra)
        return urlencode({k: v for k, v in data.items() if v not in (None, "")})
