"""Run a report and find a row: tests/report_province.py."""

from tests.report_province import find, run  # noqa: F401
