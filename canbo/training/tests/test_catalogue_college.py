"""The college programme (cao đẳng, migration 0006): a degree course granting the professional level Cao đẳng,
offered wherever a programme is chosen — the need and plan forms and the import template's drop-down list."""

from canbo.imports.columns import CATALOGUE_TITLE
from canbo.imports.template import build_template
from canbo.people.choices import QUALIFICATION_LEVELS, QualificationScale
from canbo.training.forms import NeedForm
from canbo.training.models import Programme


def test_the_college_programme_grants_cao_dang_between_trung_cap_and_dai_hoc(db):
    college = Programme.objects.get(code="DT_CAO_DANG")
    university = Programme.objects.get(code="DT_DAI_HOC")

    assert (college.kind, college.form) == (university.kind, university.form) == ("DEGREE", "DAO_TAO")
    assert (college.grants_scale, college.grants_level) == ("PROFESSIONAL", "CAO_DANG")
    rank = {code: r for code, _label, r in QUALIFICATION_LEVELS[QualificationScale.PROFESSIONAL]}
    assert rank["TRUNG_CAP"] < rank[college.grants_level] < rank[university.grants_level]
    assert not college.is_postgraduate
    assert list(Programme.objects.filter(kind="DEGREE").values_list("code", flat=True)) == [
        "DT_CAO_DANG",
        "DT_DAI_HOC",
        "DT_THAC_SI",
        "DT_TIEN_SI",
    ]


def test_the_need_form_offers_the_college_programme(alice):
    assert NeedForm(user=alice).fields["programme"].queryset.filter(code="DT_CAO_DANG").exists()


def test_the_import_template_lists_the_college_programme_in_its_drop_down(db):
    sheet = build_template()[CATALOGUE_TITLE]
    cells = {cell.value for row in sheet.iter_rows() for cell in row}

    assert {"DT_CAO_DANG", "Đào tạo cao đẳng"} <= cells
