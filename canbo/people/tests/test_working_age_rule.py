"""Issue 15: the working age is dated data with its legal basis (PeopleRule `working_age.<category>`), shown on the
"Căn cứ pháp lý" page and read by the start date of the career row it judges."""

import datetime

import pytest

from canbo.core.rulebook import rule_version_append
from canbo.people.models import PeopleRule
from canbo.people.rules import WorkingAges, working_age_errors

pytestmark = pytest.mark.django_db
D = datetime.date
BIRTH = D(2000, 1, 1)


def test_every_category_has_a_version_from_the_earliest_careers_to_today_with_its_source():
    ages = WorkingAges.load()
    for category in ("CB", "CC", "VC", "LD_HD"):
        for day in (
            D(1960, 1, 1),
            D(2011, 12, 31),
            D(2012, 1, 1),
            D(2025, 6, 30),
            D(2025, 7, 1),
            D(2026, 12, 7),
        ):
            assert ages.on(category, day) is not None, (category, day)
    for row in PeopleRule.objects.all():
        assert row.legal_basis, row


def test_the_civil_servant_rule_cites_the_law_in_force_on_each_side_of_its_changes():
    def basis(day):
        return PeopleRule.objects.version("working_age.CC", on=day).legal_basis

    assert "Pháp lệnh Cán bộ, công chức 1998" in basis(D(2009, 12, 31))
    assert "22/2008/QH12" in basis(D(2010, 1, 1)) and "22/2008/QH12" in basis(D(2025, 6, 30))
    assert "80/2025/QH15" in basis(D(2025, 7, 1))


def test_commune_categories_have_no_age_rule_after_the_reform():
    # the categories end on 30/06/2025 (the reform rule refuses them from 01/07/2025, see employment_rule_errors)
    ages = WorkingAges.load()
    assert ages.on("CB_XA", D(2025, 6, 30)) == (18, ages.on("CB_XA", D(2025, 6, 30))[1])
    assert ages.on("CB_XA", D(2025, 7, 1)) is None
    assert working_age_errors(birth=D(2010, 1, 1), start=D(2025, 6, 30), category="CB_XA")
    assert not working_age_errors(birth=D(2010, 1, 1), start=D(2025, 7, 1), category="CB_XA")


def test_a_correction_applies_to_rows_starting_from_its_date_not_before(board):
    # Given a (hypothetical) text raising the contract workers' minimum to 16 from 01/01/2027
    rule_version_append(
        actor=board,
        model=PeopleRule,
        code="working_age.LD_HD",
        valid_from=D(2027, 1, 1),
        value={"min_age_years": 16, "rule": "người lao động phải từ đủ 16 tuổi (văn bản giả định)"},
        legal_basis="Văn bản giả định",
    )
    born = D(2011, 6, 1)  # 15 years old on both start dates below
    # Then a row starting the day before is judged by the 2019 Code, and one starting that day by the new text
    assert not working_age_errors(birth=born, start=D(2026, 12, 31), category="LD_HD")
    refused = working_age_errors(birth=born, start=D(2027, 1, 1), category="LD_HD")
    assert "16 tuổi (văn bản giả định)" in refused["start_date"][0]


def test_loaded_rules_judge_many_rows_with_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        ages = WorkingAges.load()
        for year in range(2000, 2030):
            working_age_errors(birth=BIRTH, start=D(year, 1, 1), category="CC", ages=ages)


def test_the_legal_page_lists_the_working_age_with_its_source(client, board):
    client.force_login(board)
    page = client.get("/can-cu-phap-ly/", {"on": "07/12/2026"}).content.decode()
    assert "Hồ sơ cán bộ, công chức, viên chức" in page
    assert "Tuổi tối thiểu khi bắt đầu công tác" in page and "45/2019/QH14" in page and "80/2025/QH15" in page
    old = client.get("/can-cu-phap-ly/", {"on": "01/06/2015"}).content.decode()
    assert "22/2008/QH12" in old and "80/2025/QH15" not in old


def test_the_legal_page_also_lists_the_retirement_roadmap_and_the_study_conditions(client, board):
    # tables with their own columns (not DatedRule rows) are listed read-only with their source
    client.force_login(board)
    page = client.get("/can-cu-phap-ly/", {"on": "07/12/2026"}).content.decode()
    assert "Tuổi nghỉ hưu (nam)" in page and "Tuổi nghỉ hưu (nữ)" in page and "135/2020" in page
    assert "Điều kiện cử đi đào tạo sau đại học" in page
