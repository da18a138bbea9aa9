"""The report tests' province: tests/report_province.py (shared with the apps' report tests)."""

from tests.report_province import make_people, province_fixture, qual, staff_fixture  # noqa: F401
