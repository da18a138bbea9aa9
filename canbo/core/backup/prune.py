"""Retention: keep the newest backup of each of the last N days, weeks and months; delete the other backups.

Only files named canbo-backup-YYYYmmdd-HHMMSS.tar are considered, by the time in their name; anything else in
the directory is left alone. A day, week or month without a backup does not use up a place (as in borg's and
restic's --keep-daily/--keep-weekly/--keep-monthly).
"""

import datetime
import re
from pathlib import Path

NAME = re.compile(r"^canbo-backup-(\d{8}-\d{6})\.tar$")


def _backups(directory: Path) -> list[tuple[datetime.datetime, Path]]:
    found = []
    for path in directory.iterdir():
        match = NAME.match(path.name)
        if match and path.is_file():
            try:
                found.append((datetime.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), path))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def backups_to_keep(stamps: list[datetime.datetime], *, daily: int, weekly: int, monthly: int) -> set:
    keep = set()
    for count, period in (
        (daily, lambda t: t.date()),
        (weekly, lambda t: t.isocalendar()[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ):
        seen = []
        for stamp in sorted(stamps, reverse=True):
            key = period(stamp)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(stamp)
    return keep


def backup_prune(*, directory, daily: int, weekly: int, monthly: int) -> list[Path]:
    """Delete the backups in `directory` that the retention does not keep; return them. The newest is always
    kept."""
    backups = _backups(Path(directory))
    keep = backups_to_keep(
        [stamp for stamp, _ in backups], daily=max(daily, 1), weekly=weekly, monthly=monthly
    )
    removed = []
    for stamp, path in backups:
        if stamp not in keep:
            path.unlink()
            removed.append(path)
    return removed
