"""Issue 14.3: other spellings of catalogue entries, kept by the board, read by the import; unknown values
are answered with the closest entries."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from canbo.imports.aliases import load_resolvers
from canbo.imports.importer import run_import
from canbo.imports.models import AliasCatalogue, CatalogueAlias
from canbo.people.choices import ETHNICITY_CHOICES
from canbo.people.models import Person

from .files import person_row, write_file

pytestmark = pytest.mark.django_db
PAGE = reverse("imports:aliases")
ETHNIC_CODE = {name: code for code, name in ETHNICITY_CHOICES}


def _import(tmp_path, actor, **values):
    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[person_row(1, **values)]), actor=actor)
    return outcome, Person.objects.first()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Mông", "HMông"),
        ("Khơ Mú", "Khơ-mú"),
        ("KHO-MU", "Khơ-mú"),
        ("H'Mông", "HMông"),
        ("Thái Đen", "Thái"),
    ],
)
def test_ordinary_spellings_of_ethnic_groups_are_read_as_the_catalogue_entry(alice, tmp_path, typed, stored):
    outcome, person = _import(tmp_path, alice, ethnicity=typed)

    assert outcome.ok, outcome.errors
    assert person.ethnicity == ETHNIC_CODE[stored]


def test_an_unknown_ethnic_group_suggests_the_closest_entries(alice, tmp_path):
    outcome, person = _import(tmp_path, alice, ethnicity="Hmongg")

    assert person is None
    [error] = outcome.errors
    assert error.column == "Dân tộc" and "không có trong danh sách" in error.message
    assert "Có phải: “HMông”" in error.message


def test_religions_are_read_by_alias_and_one_outside_the_national_list_is_refused(alice, tmp_path):
    _outcome, person = _import(tmp_path, alice, religion="Thiên Chúa giáo")
    assert person.religion == "Công giáo"
    Person.objects.all().delete()

    # the national database refuses free text (NĐ 27/2026, canbo.nationaldb): refused at entry, the list offered
    outcome, person = _import(tmp_path, alice, religion="Đạo Mẫu")
    assert person is None
    assert [error.column for error in outcome.errors] == ["Tôn giáo"]


@pytest.mark.parametrize(
    ("typed", "code"), [("CV", "01.003"), ("Chuyên viên chính", "01.002"), ("01.001", "01.001")]
)
def test_ranks_are_read_by_code_name_or_abbreviation(alice, tmp_path, typed, code):
    outcome, person = _import(tmp_path, alice, rank_code=typed)

    assert outcome.ok, outcome.errors
    assert person.rank.code == code


def test_an_unknown_rank_suggests_the_closest_entries(alice, tmp_path):
    outcome, _person = _import(tmp_path, alice, rank_code="Chuyen vien chin")

    [error] = outcome.errors
    assert error.column == "Mã ngạch" and "Không có ngạch mã" in error.message
    assert "“Chuyên viên chính”" in error.message


def test_the_board_adds_a_spelling_and_the_next_import_reads_it(client, board, alice, tmp_path):
    client.force_login(board)

    response = client.post(PAGE, {"catalogue": "POSITION", "alias": "CV phòng", "target": "Chuyên viên"})

    assert response.status_code == 302
    entry = CatalogueAlias.objects.get(alias="CV phòng")
    assert (entry.target, entry.created_by) == ("CHUYEN_VIEN", board)
    assert LogEntry.objects.get_for_object(entry).get().actor == board
    outcome, person = _import(tmp_path, alice, position_code="cv  PHÒNG")
    assert outcome.ok, outcome.errors
    assert person.position.code == "CHUYEN_VIEN"
    assert "CV phòng" in client.get(f"{PAGE}?danh_muc=POSITION").content.decode()


def test_a_spelling_of_an_unknown_entry_is_refused_with_suggestions(client, board):
    client.force_login(board)

    response = client.post(PAGE, {"catalogue": "ETHNICITY", "alias": "Mán", "target": "Daoo"})

    assert response.status_code == 400
    assert "Có phải: “Dao”" in response.content.decode()
    assert not CatalogueAlias.objects.filter(alias="Mán").exists()


def test_a_spelling_the_import_already_reads_is_refused(client, board):
    client.force_login(board)
    before = CatalogueAlias.objects.count()

    response = client.post(PAGE, {"catalogue": "ETHNICITY", "alias": "Khơ Mú", "target": "Khơ-mú"})

    assert response.status_code == 400 and "không cần thêm" in response.content.decode()
    assert CatalogueAlias.objects.count() == before


@pytest.mark.parametrize("who", ["alice", "bob", "dana"])
def test_only_the_board_and_the_administrator_keep_the_aliases(client, request, who):
    client.force_login(request.getfixturevalue(who))
    entry = CatalogueAlias.objects.get(catalogue="ETHNICITY", alias="Mông")

    assert client.get(PAGE).status_code == 403
    assert (
        client.post(PAGE, {"catalogue": "ETHNICITY", "alias": "Mong Do", "target": "HMông"}).status_code
        == 403
    )
    assert client.post(reverse("imports:alias-delete", args=[entry.pk])).status_code == 403
    assert CatalogueAlias.objects.filter(pk=entry.pk).exists()
    assert not CatalogueAlias.objects.filter(alias="Mong Do").exists()


def test_the_administrator_removes_a_spelling(client, sysadmin):
    client.force_login(sysadmin)
    entry = CatalogueAlias.objects.get(catalogue="ETHNICITY", alias="Mông")

    response = client.post(reverse("imports:alias-delete", args=[entry.pk]))

    assert response.status_code == 302 and not CatalogueAlias.objects.filter(pk=entry.pk).exists()
    assert load_resolvers((AliasCatalogue.ETHNICITY,))["ETHNICITY"].resolve("Mông") is None
