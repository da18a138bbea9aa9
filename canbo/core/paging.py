"""Keyset paging and column sorting for every long list (docs/decisions/032-lists-keyset-paging.md).

A list declares its sortable columns once (`SortColumn`); `keyset_page(request, queryset, columns, default=…)`
sorts by the column the user chose (`?sap_xep=ten` ascending, `?sap_xep=-ten` descending), always ending with
the primary key so the order is total, and answers one page after a cursor (`?sau=…`), before one
(`?truoc=…`), the last page (`?cuoi=1`) or from a letter of the Vietnamese alphabet (`?chu=Đ`, on a column
sorted by a Vietnamese sort key). No OFFSET: page 1.500 costs what page 1 costs.

A bad cursor, sort or letter never fails: the list starts from its first page in its default order.
The count is exact when the user filtered the list, and capped ("hơn 10.000") for an unfiltered browse.
"""

import base64
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import CharField, F, Q, Value
from django.db.models.expressions import BaseExpression
from django.db.models.functions import Concat

from canbo.core.text import letter_key

SORT_PARAM = "sap_xep"
AFTER_PARAM = "sau"
BEFORE_PARAM = "truoc"
LAST_PARAM = "cuoi"
LETTER_PARAM = "chu"
PAGING_PARAMS = (AFTER_PARAM, BEFORE_PARAM, LAST_PARAM, LETTER_PARAM, "page")
COUNT_CAP = 10_000
DEFAULT_SIZE = 50
SORT_MATCHES_BELOW = 5_000  # a name-sorted page of at most this many rows is sorted after filtering
# The letters a Vietnamese name can begin with, in the Vietnamese order.
LETTERS = list("AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY")


@dataclass(frozen=True)
class SortColumn:
    """A sortable column: `key` in the URL, `label` in the header, `fields` the ORDER BY (field names or
    expressions; wrap a nullable one in Coalesce so the keyset never compares NULL). `letter_field`: the
    Vietnamese sort key behind the column, which makes it jumpable by letter. `descending_first`: the
    column's first click sorts descending (dates: newest first)."""

    key: str
    label: str
    fields: tuple = ()
    letter_field: str = ""
    descending_first: bool = False


@dataclass(frozen=True)
class Sort:
    column: SortColumn
    descending: bool

    @property
    def param(self) -> str:
        return ("-" if self.descending else "") + self.column.key


def parse_sort(raw: str | None, columns: list[SortColumn], default: str) -> Sort:
    """`ten` / `-ten` -> Sort; an unknown value falls back to the default."""
    by_key = {c.key: c for c in columns}
    for value in (raw or "", default):
        descending = value.startswith("-")
        column = by_key.get(value.lstrip("-"))
        if column is not None:
            return Sort(column, descending)
    raise ValueError(f"default sort {default!r} is not a column")


def _ordering_exprs(sort: Sort, pk: str = "pk"):
    """[(annotation name, expression, descending)]: the chosen column's fields then the primary key.

    A field named "-x" runs against the column's direction (newest date first, then names A to Z)."""
    exprs = []
    for i, f in enumerate((*sort.column.fields, pk)):
        against = isinstance(f, str) and f.startswith("-")
        expr = f if isinstance(f, BaseExpression) else F(f.lstrip("-"))
        exprs.append((f"kp{i}", expr, sort.descending != against))
    return exprs


def apply_sort(queryset, sort: Sort, pk: str = "pk"):
    """The queryset in the chosen order (for exports and other whole-list readers)."""
    order = []
    for _name, expr, desc in _ordering_exprs(sort, pk):
        order.append(expr.desc() if desc else expr.asc())
    return queryset.order_by(*order)


def sort_from_query(query, columns: list[SortColumn], default: str) -> Sort:
    return parse_sort(query.get(SORT_PARAM), columns, default)


# --- cursors -----------------------------------------------------------------------------------------------


def _encode_value(value):
    if isinstance(value, datetime):
        return ["t", value.isoformat()]
    if isinstance(value, date):
        return ["d", value.isoformat()]
    if isinstance(value, Decimal):
        return ["n", str(value)]
    if value is None or isinstance(value, bool | int | float | str):
        return ["v", value]
    return ["v", str(value)]


def _decode_value(item):
    tag, value = item
    if tag == "t":
        return datetime.fromisoformat(value)
    if tag == "d":
        return date.fromisoformat(value)
    if tag == "n":
        return Decimal(value)
    if tag == "v" and (value is None or isinstance(value, bool | int | float | str)):
        return value
    raise ValueError("bad cursor value")


def encode_cursor(values) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str, length: int):
    """The values of a cursor, or None when it is not one of ours (tampered, truncated, other sort)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        values = [_decode_value(item) for item in json.loads(raw)]
    except (ValueError, TypeError, json.JSONDecodeError):
        return None
    return values if len(values) == length else None


def _beyond(names, values, descending: list[bool], forward: bool) -> Q:
    """Rows strictly after (forward) or before the row with these key values, in the list's order.

    Spelled as a leading range (usable by an index on the first key) AND the lexicographic OR."""
    condition = Q()
    prefix = Q()
    for name, value, desc in zip(names, values, descending, strict=True):
        op = "gt" if forward != desc else "lt"
        condition |= prefix & Q(**{f"{name}__{op}": value})
        prefix &= Q(**{name: value})
    lead = "gte" if forward != descending[0] else "lte"
    return Q(**{f"{names[0]}__{lead}": values[0]}) & condition


# --- the page ----------------------------------------------------------------------------------------------


@dataclass
class KeysetPage:
    object_list: list
    sort: Sort
    columns: list[SortColumn]
    base_query: str  # the request's parameters without paging (filters and sort)
    count: int | None = None
    count_capped: bool = False
    has_next: bool = False
    has_previous: bool = False
    next_cursor: str = ""
    previous_cursor: str = ""
    letter: str = ""
    letters: list = field(default_factory=list)

    def __bool__(self):
        return True  # an empty page is still a page (the template shows "no rows")

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def _url(self, extra: str) -> str:
        parts = [p for p in (self.base_query, extra) if p]
        return "?" + "&".join(parts) if parts else "?"

    @property
    def first_url(self) -> str:
        return self._url("")

    @property
    def next_url(self) -> str:
        return self._url(f"{AFTER_PARAM}={self.next_cursor}")

    @property
    def previous_url(self) -> str:
        return self._url(f"{BEFORE_PARAM}={self.previous_cursor}")

    @property
    def last_url(self) -> str:
        return self._url(f"{LAST_PARAM}=1")

    @property
    def letter_links(self) -> list[tuple[str, str, bool]]:
        """(letter, url, current) for the letter bar of a name-sorted list."""
        from urllib.parse import quote

        return [(c, self._url(f"{LETTER_PARAM}={quote(c)}"), c == self.letter) for c in self.letters]

    @property
    def is_paged(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def headers(self) -> dict:
        """key -> {label, url, direction ('asc'/'desc'/''), aria}: what a sortable <th> needs."""
        from django.http import QueryDict

        query = QueryDict(self.base_query, mutable=True)
        result = {}
        for column in self.columns:
            active = column is self.sort.column
            next_desc = not self.sort.descending if active else column.descending_first
            query[SORT_PARAM] = ("-" if next_desc else "") + column.key
            direction = ("desc" if self.sort.descending else "asc") if active else ""
            result[column.key] = {
                "label": column.label,
                "url": "?" + query.urlencode(),
                "direction": direction,
                "aria": {"asc": "ascending", "desc": "descending"}.get(direction, "none"),
            }
        return result


def query_without_paging(query) -> str:
    """The request's parameters (filters and sort) without the paging ones, for links and exports."""
    query = query.copy()
    for name in PAGING_PARAMS:
        query.pop(name, None)
    return query.urlencode()


def user_filtered(query, ignore=()) -> bool:
    """Whether the user asked for a filter (any non-empty parameter beyond paging and sort)."""
    skip = {*PAGING_PARAMS, SORT_PARAM, *ignore}
    return any(v for k, vs in query.lists() if k not in skip for v in vs)


def capped_count(queryset, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(count, capped): exact up to `cap`, else (cap, True) — counts at most cap + 1 rows."""
    n = queryset.order_by()[: cap + 1].count()
    return (cap, True) if n > cap else (n, False)


def keyset_page(
    request,
    queryset,
    columns: list[SortColumn],
    *,
    default: str,
    size: int = DEFAULT_SIZE,
    count: str | int | None = "auto",
    pk: str = "pk",
) -> KeysetPage:
    """One page of `queryset` for this request (see the module's docstring).

    count: "auto" (exact if the user filtered, else capped at 10.000), "exact", "capped", None (no count)
    or an int already computed by the caller."""
    query = request.GET
    sort = sort_from_query(query, columns, default)
    exprs = _ordering_exprs(sort, pk)
    names = [name for name, _e, _d in exprs]
    total, capped = None, False
    if isinstance(count, int) and not isinstance(count, bool):
        total = count
    elif count == "exact" or (count == "auto" and user_filtered(query)):
        total = queryset.order_by().count()
    elif count in ("capped", "auto"):
        total, capped = capped_count(queryset)
    if total is not None and total <= SORT_MATCHES_BELOW and sort.column.letter_field:
        # Few matches (a search): read them through the filter's index and sort them, rather than walk the
        # name index until enough pass the filter — PostgreSQL misjudges how many a LIKE pattern matches.
        name, expr, desc = exprs[0]
        exprs[0] = (name, Concat(expr, Value(""), output_field=CharField()), desc)
    keyed = queryset.annotate(**{name: expr for name, expr, _d in exprs})

    directions = [desc for _n, _e, desc in exprs]

    def ordered(reverse: bool):
        return keyed.order_by(
            *[(F(n).desc() if d != reverse else F(n).asc()) for n, d in zip(names, directions, strict=True)]
        )

    cursor_after = decode_cursor(query.get(AFTER_PARAM, ""), len(names)) if query.get(AFTER_PARAM) else None
    cursor_before = (
        decode_cursor(query.get(BEFORE_PARAM, ""), len(names)) if query.get(BEFORE_PARAM) else None
    )
    letter = (query.get(LETTER_PARAM) or "").strip().upper()
    letter = letter if letter in LETTERS and sort.column.letter_field else ""
    page = KeysetPage(
        object_list=[],
        sort=sort,
        columns=columns,
        base_query=query_without_paging(query),
        letter=letter,
        letters=LETTERS if sort.column.letter_field else [],
        count=total,
        count_capped=capped,
    )

    backwards = False
    if cursor_before is not None:
        rows = list(
            ordered(True).filter(_beyond(names, cursor_before, directions, forward=False))[: size + 1]
        )
        backwards = True
    elif query.get(LAST_PARAM) and cursor_after is None:
        rows = list(ordered(True)[: size + 1])
        backwards = True
    elif cursor_after is not None:
        rows = list(ordered(False).filter(_beyond(names, cursor_after, directions, forward=True))[: size + 1])
    elif letter:
        code = letter_key(letter)
        field_name = sort.column.letter_field
        if sort.descending:
            bound = Q(**{f"{field_name}__lt": f"{int(code) + 1:02d}"})
        else:
            bound = Q(**{f"{field_name}__gte": code})
        rows = list(ordered(False).filter(bound)[: size + 1])
    else:
        rows = list(ordered(False)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    page.object_list = rows
    if rows:
        first = [getattr(rows[0], n) for n in names]
        last = [getattr(rows[-1], n) for n in names]
        page.previous_cursor, page.next_cursor = encode_cursor(first), encode_cursor(last)
        if backwards:
            page.has_previous = more
            page.has_next = ordered(False).filter(_beyond(names, last, directions, True)).exists()
        else:
            page.has_next = more
            page.has_previous = (cursor_after is not None or bool(letter)) and ordered(True).filter(
                _beyond(names, first, directions, False)
            ).exists()
    return page
