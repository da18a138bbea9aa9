"""The default-scale demo province, shared by the modules that check its figures (test_demo_cadre_life,
_planning, _staffing_party, _training: the xdist group "demo") and built once per test process instead of once
per module (tests/shared_demo.py)."""

import pytest

from canbo.demo.builder import build_demo
from canbo.reports.registry import get_report
from tests.shared_demo import shared_demo

SMALL = 1000  # the smaller demo whose emulation figures test_demo_cadre_life compares with the default one


def _build():
    from auditlog.models import LogEntry

    # First at SMALL scale (test_demo_cadre_life checks that the figures scale), then the default one in its place.
    build_demo(scale=SMALL)
    small = get_report("emulation-registrations").execute(user=None, data={"movement": "CT05"}).meta
    logged = LogEntry.objects.count()
    summary = build_demo(reset=True)
    summary.small = small
    summary.new_log_entries = LogEntry.objects.count() - logged
    return summary


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The default-scale demo's build summary, with `.small` (the SMALL demo's emulation report meta) and
    `.new_log_entries` (the audit rows the build wrote). Tests change the demo only inside their transaction."""
    return shared_demo(django_db_blocker, "demo", _build)
