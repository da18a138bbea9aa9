"""Our stored sort key orders names exactly as PostgreSQL's ICU Vietnamese collation does.

The key (canbo.core.text.sort_key) is computed in Python so that SQLite and PostgreSQL sort the same way
without PyICU (docs/decisions/003-vietnamese-sorting-and-search.md). On PostgreSQL the ICU collation is at
hand, so this test holds the key to it: given name, then middle name, then family name, Vietnamese alphabet
(a ă â b c d đ e ê …) first and tones (ngang, huyền, hỏi, ngã, sắc, nặng) after.
"""

import pytest
from django.db import connection
from django.db.models import F, Value
from django.db.models.functions import Collate, Concat

from canbo.core.text import sort_key, split_full_name
from canbo.people.models import Person
from tests.factories import OrgUnitFactory, PersonFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

# Names of a mountain province: Kinh, Thái, Mông, Dao, Khơ Mú ... with the letters and tones that trip a
# naive sort (ă â đ ê ô ơ ư, the five tone marks, names without a middle name, shared given names).
NAMES = [
    "Nguyễn Văn Ánh",
    "Nguyễn Văn Anh",
    "Bùi Văn Anh",
    "Lò Văn Ảnh",
    "Trần Thị Ăn",
    "Lê Thị Ân",
    "Vũ Thị Ẩn",
    "Cao An",
    "Lò Bình An",
    "Lò Văn Ba",
    "Hà Thị Bá",
    "Lý Bạ",
    "Giàng A Chứ",
    "Giàng A Chu",
    "Sùng Thị Chư",
    "Lường Văn Sơn",
    "Lò Thị Hoa",
    "Trần Minh Đức",
    "Đỗ Văn Dũng",
    "Điêu Chính Đạt",
    "Nông Văn Dạt",
    "Sùng A Páo",
    "Vàng Thị Dua",
    "Mùa A Lử",
    "Thào Thị Mai",
    "Cầm Văn Ơn",
    "Quàng Văn Ôn",
    "Lò Văn On",
    "Tòng Thị Ơi",
    "Bạc Cầm Ưng",
    "Lù Văn Ung",
    "Hờ A Dế",
    "Phạm Thị Ha",
    "Phạm Thị Hà",
    "Phạm Thị Hả",
    "Phạm Thị Hã",
    "Phạm Thị Há",
    "Phạm Thị Hạ",
    "Nguyễn Thị Thu Hương",
    "Nguyễn Thị Thu Hường",
    "Nguyễn Thị Thu Hưởng",
    "Khằm Thị Êm",
    "Vi Văn Em",
]


def _vietnamese_collation() -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT collname FROM pg_collation WHERE collname IN ('vi-VN-x-icu', 'vi-x-icu') "
            "ORDER BY collname = 'vi-VN-x-icu' DESC"
        )
        row = cursor.fetchone()
    return row[0] if row else None


@pytest.fixture
def collation():
    if connection.vendor != "postgresql":
        pytest.skip(
            "ICU collation comparison runs on PostgreSQL only (make test-postgres); SQLite has no ICU"
        )
    name = _vietnamese_collation()
    if name is None:
        pytest.skip("this PostgreSQL has no ICU Vietnamese collation (vi-VN-x-icu / vi-x-icu)")
    return name


def _by_key(names):
    def key(name):
        family, middle, given = split_full_name(name)
        return sort_key(given, middle, family)

    return sorted(names, key=key)


def test_names_are_distinct_so_the_order_is_total():
    assert len(set(NAMES)) == len(NAMES) >= 40
    assert len({_by_key([n])[0] for n in NAMES}) == len(NAMES)


def test_sort_key_agrees_with_icu_on_plain_strings(collation):
    # "given middle family"; an empty middle name leaves two spaces, just as the key leaves an empty part.
    reordered = {}
    for name in NAMES:
        family, middle, given = split_full_name(name)
        reordered[f"{given} {middle} {family}"] = name
    with connection.cursor() as cursor:
        # The collation name is one of two fixed names read from pg_collation, quoted as an identifier.
        order_by = f"ORDER BY s COLLATE {connection.ops.quote_name(collation)}"
        cursor.execute(f"SELECT s FROM unnest(%s::text[]) AS t(s) {order_by}", [list(reordered)])  # noqa: S608
        icu_order = [reordered[row[0]] for row in cursor.fetchall()]

    assert _by_key(NAMES) == icu_order


def test_stored_sort_key_column_agrees_with_icu(collation):
    unit = OrgUnitFactory()
    for name in NAMES:
        PersonFactory(full_name=name, current_unit=unit)

    by_stored_key = list(Person.objects.order_by("sort_key").values_list("full_name", flat=True))
    by_icu = list(
        Person.objects.annotate(
            icu=Collate(
                Concat(F("given_name"), Value(" "), F("middle_name"), Value(" "), F("family_name")),
                collation,
            )
        )
        .order_by("icu")
        .values_list("full_name", flat=True)
    )

    assert by_stored_key == by_icu
    assert by_stored_key[:3] == ["Cao An", "Lò Bình An", "Bùi Văn Anh"]
