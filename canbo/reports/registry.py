"""The registry of reports: `@register` on a Report subclass makes it available to every door."""

from .base import Report

_REPORTS: dict[str, Report] = {}


def register(cls: type[Report]) -> type[Report]:
    if not cls.name or cls.name in _REPORTS:
        raise ValueError(f"Report name missing or registered twice: {cls.name!r}")
    _REPORTS[cls.name] = cls()
    return cls


def get_report(name: str) -> Report | None:
    return _REPORTS.get(name)


def all_reports() -> list[Report]:
    return list(_REPORTS.values())
