"""A long report table is shown a page at a time, its totals on every page (issue 13, endless pages)."""

from django.test import RequestFactory

from canbo.reports.views import ROWS_PER_PAGE, page_of_rows


def _rows(n):
    return [{"kind": "data", "cells": [{"text": str(i)}]} for i in range(n)] + [
        {"kind": "total", "cells": []}
    ]


def _page(n, query=""):
    return page_of_rows(_rows(n), RequestFactory().get(f"/bao-cao/x/{query}"))


def test_a_table_that_fits_is_shown_whole_without_links():
    rows, paging = _page(ROWS_PER_PAGE)
    assert len(rows) == ROWS_PER_PAGE + 1 and paging is None


def test_a_long_table_pages_and_keeps_its_totals_and_parameters_on_every_page():
    rows, paging = _page(2 * ROWS_PER_PAGE + 10, "?year=2026")
    assert len(rows) == ROWS_PER_PAGE + 1 and rows[-1]["kind"] == "total"
    assert (paging["number"], paging["pages"], paging["rows"]) == (1, 3, 2 * ROWS_PER_PAGE + 10)
    assert paging["previous"] == "" and "year=2026" in paging["next"] and "trang=2" in paging["next"]

    rows, paging = _page(2 * ROWS_PER_PAGE + 10, "?year=2026&trang=3")
    assert [r["cells"][0]["text"] for r in rows[:-1]] == [
        str(i) for i in range(2 * ROWS_PER_PAGE, 2 * ROWS_PER_PAGE + 10)
    ]
    assert rows[-1]["kind"] == "total" and paging["next"] == "" and "trang=1" in paging["first"]


def test_a_page_number_out_of_range_or_not_a_number_shows_a_real_page():
    assert _page(2 * ROWS_PER_PAGE, "?trang=99")[1]["number"] == 2
    assert _page(2 * ROWS_PER_PAGE, "?trang=abc")[1]["number"] == 1
