"""The mapping table: 194 fields in ten groups, every source real, and docs/national-db.md written from it."""

import re
from pathlib import Path

from django.apps import apps
from django.utils.module_loading import import_string

from canbo.nationaldb.doc import render_doc
from canbo.nationaldb.fields import DECREE_FIELD_COUNT, FIELDS, Coverage, Group, coverage_counts

DOC = Path(__file__).resolve().parents[3] / "docs" / "national-db.md"


def test_the_table_has_the_decrees_194_fields_in_ten_groups_with_unique_codes():
    assert len(FIELDS) == DECREE_FIELD_COUNT
    assert len({f.code for f in FIELDS}) == len(FIELDS)
    assert {f.group for f in FIELDS} == set(Group)
    assert all(f.code.split(".")[0] == str(int(f.group)) for f in FIELDS)


def test_every_source_names_a_real_model_field_or_function():
    for field in FIELDS:
        if not field.source:
            continue
        if field.source.startswith("canbo."):
            assert callable(import_string(field.source)), field.code
        else:
            label, name = field.model_field
            model = apps.get_model(label)
            assert model._meta.get_field(name), field.code


def test_the_doc_is_the_table_and_its_headline_figures_are_the_codes():
    text = DOC.read_text(encoding="utf-8")
    assert text == render_doc(), "run `python manage.py national_db_doc`"
    counts = coverage_counts()
    headline = re.search(r"\*\*(\d+) of (\d+) fields held\*\*, (\d+) derived, (\d+) missing", text)
    assert tuple(map(int, headline.groups())) == (
        counts[Coverage.HELD],
        counts["total"],
        counts[Coverage.DERIVED],
        counts[Coverage.MISSING],
    )
    assert counts[Coverage.HELD] + counts[Coverage.DERIVED] + counts[Coverage.MISSING] == len(FIELDS)
