"""Bad parameters get a clear Vietnamese message, whatever the door."""

import datetime

import pytest
from django.utils import timezone

from canbo.reports.base import ReportParameterError
from canbo.reports.registry import all_reports, get_report

from .helpers import run


def errors_of(name, **data):
    with pytest.raises(ReportParameterError) as exc:
        run(name, **data)
    return exc.value


def test_a_bad_date_is_refused(db):
    error = errors_of("headcount", on="32/13/2019")

    assert error.errors == {"on": ["Ngày không hợp lệ: hãy nhập theo dạng dd/mm/yyyy (ví dụ 31/12/2019)."]}
    assert not error.not_found


def test_a_date_out_of_range_is_refused(db):
    assert "on" in errors_of("headcount", on="01/01/1900").errors


def test_iso_and_vietnamese_dates_are_both_accepted(db):
    report = get_report("headcount")

    assert report.parse({"on": "2019-12-31"}, user=None).on == datetime.date(2019, 12, 31)
    assert report.parse({"on": "31/12/2019"}, user=None).on == datetime.date(2019, 12, 31)


def test_without_a_date_the_report_is_as_of_today(db):
    assert get_report("headcount").parse({}, user=None).on == timezone.localdate()


def test_a_snapshot_report_refuses_two_dates(db):
    error = errors_of("headcount", **{"from": "31/12/2015", "to": "31/12/2019"})

    assert "chỉ tính tại một ngày" in error.message


def test_a_comparison_needs_both_dates(db):
    assert "cả ngày from và ngày to" in errors_of("qualification-share", **{"from": "31/12/2015"}).message


def test_a_comparison_needs_dates_in_order(db):
    error = errors_of("qualification-share", **{"from": "31/12/2019", "to": "31/12/2015"})

    assert error.errors == {"to": ["Ngày to phải sau ngày from."]}


def test_on_and_a_period_together_are_refused(db):
    data = {"on": "31/12/2019", "from": "31/12/2015", "to": "31/12/2019"}

    assert "không nhập cả hai" in errors_of("qualification-share", **data).message


def test_a_bad_option_is_refused(db):
    assert errors_of("org-units", kind="AREA").errors == {"kind": ["Loại đơn vị “AREA” không hợp lệ."]}
    assert "breakdown" in errors_of("qualification-share", breakdown="gender").errors


def test_every_report_describes_its_parameters():
    described = {r.name: [p["name"] for p in r.describe()["parameters"]] for r in all_reports()}

    expected = {
        "headcount": ["org", "on"],
        "org-units": ["org", "on", "kind"],
        "qualification-share": ["org", "on", "from", "to", "breakdown", "decimals"],
        "training-enrolments": [
            "org",
            "from",
            "to",
            "measure",
            "group",
            "form",
            "kind",
            "programme",
            "mode",
            "venue",
            "exclude_kind",
        ],
        "training-degrees": ["org", "from", "to", "measure", "mode", "venue"],
        "training-plan": ["org", "year"],
        "training-spending": ["org", "from", "to"],
        "planning-changes": ["org", "from", "to", "term", "kind", "group"],
        "planning-composition": ["org", "on", "term"],
        "planning-gaps": ["org", "on", "term", "scale", "level"],
        "feedback-handling": ["org", "from", "to"],
        "discipline-by-form": ["org", "from", "to", "group"],
        "survey-responses": ["org", "survey", "view"],
        "staffing-quota": ["org", "year"],
        "streamlining-cases": ["org", "from", "to", "measure", "group"],
        "party-admissions": ["org", "on", "term"],
        "emulation-registrations": ["org", "year", "movement"],
        "awards": ["org", "year_from", "year_to"],
        "rating-distribution": ["org", "year"],
        "party-member-rating-distribution": ["org", "year"],
        "rating-not-completed-twice": ["org", "year"],
    }
    assert {name: described[name] for name in expected} == expected
    assert all(params[0] == "org" for params in described.values())
