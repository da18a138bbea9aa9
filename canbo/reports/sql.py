"""Aggregates the ORM cannot say in one query: distinct counts per cell, per first dimension and overall.

The rows to count come from an ORM queryset (so scoping stays written once, as Q objects); only the
outer aggregate is SQL. PostgreSQL computes all three levels of totals in one scan with GROUPING SETS;
SQLite, which has none, gets the same three groupings with UNION ALL over a CTE.
"""

from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F


@dataclass
class RollupCounts:
    cells: dict[tuple, int] = field(default_factory=dict)  # (d0, d1, …) -> distinct count
    by_first: dict = field(default_factory=dict)  # d0 -> distinct count
    total: int = 0


def count_distinct_rollup(queryset, dims: list[str], counted: str) -> RollupCounts:
    """COUNT(DISTINCT counted) grouped by all `dims`, by `dims[0]` alone and overall — one query.

    `dims` and `counted` are field paths of the queryset's model ("unit__level", "person").
    """
    if len(dims) < 2:
        raise ValueError("count_distinct_rollup needs at least two dimensions")
    aliases = [f"d{i}" for i in range(len(dims))]
    inner = queryset.order_by().values(**{a: F(d) for a, d in zip(aliases, dims, strict=True)}, c=F(counted))
    try:
        inner_sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # a user who sees no unit: nothing to count
        return RollupCounts()
    all_dims = ", ".join(aliases)
    nulls = ", ".join(["NULL"] * (len(aliases) - 1))
    connection = connections[queryset.db]
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT {all_dims}, GROUPING({all_dims}) AS g, COUNT(DISTINCT c) FROM ({inner_sql}) AS t "  # noqa: S608
            f"GROUP BY GROUPING SETS (({all_dims}), (d0), ())"
        )
        full, first_only = 0, (1 << (len(aliases) - 1)) - 1
    else:
        sql = (
            f"WITH t AS ({inner_sql}) "  # noqa: S608
            f"SELECT {all_dims}, 0 AS g, COUNT(DISTINCT c) FROM t GROUP BY {all_dims} "
            f"UNION ALL SELECT d0, {nulls}, 1, COUNT(DISTINCT c) FROM t GROUP BY d0 "
            f"UNION ALL SELECT NULL, {nulls}, 2, COUNT(DISTINCT c) FROM t"
        )
        full, first_only = 0, 1
    result = RollupCounts()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for *values, grouping, n in cursor.fetchall():
            if grouping == full:
                result.cells[tuple(values)] = n
            elif grouping == first_only:
                result.by_first[values[0]] = n
            else:
                result.total = n
    return result


def count_at_or_above(parts: list, thresholds: dict[str, tuple[str, int]]) -> dict[tuple[int, object], dict]:
    """Persons, and persons whose rank column reaches each threshold, per part and group — one query.

    Each part is a queryset grouped by person and group (`.values("p", "g").annotate(<rank columns>)`): one
    row per person and group. `thresholds` maps an output key to (rank column, minimum). The parts are
    joined with UNION ALL. Returns {(part index, g): {"employed": n, key: n, …}}.
    """
    if not parts:
        return {}
    connection = connections[parts[0].db]
    columns = sorted({column for column, _ in thresholds.values()})
    selects, params = [], []
    for index, part in enumerate(parts):
        try:
            sql, part_params = part.query.sql_with_params()
        except EmptyResultSet:  # nothing in scope for this part
            continue
        picked = ", ".join(f"t.{c}" for c in columns)
        selects.append(f"SELECT {int(index)} AS part, t.g, {picked} FROM ({sql}) t")  # noqa: S608
        params.extend(part_params)
    if not selects:
        return {}
    sums = ", ".join(
        f"SUM(CASE WHEN {column} >= {int(minimum)} THEN 1 ELSE 0 END)"
        for column, minimum in thresholds.values()
    )
    sql = f"SELECT part, g, COUNT(*), {sums} FROM ({' UNION ALL '.join(selects)}) u GROUP BY part, g"  # noqa: S608
    result = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for part, group, employed, *counts in cursor.fetchall():
            result[(part, group)] = {
                "employed": employed,
                **{k: int(n) for k, n in zip(thresholds, counts, strict=True)},
            }
    return result
