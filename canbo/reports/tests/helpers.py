from canbo.reports.registry import get_report


def run(name, user=None, **data):
    """Run a report through the framework as every door does (validate, scope, aggregate)."""
    return get_report(name).execute(user=user, data=data)


def find(result, **match):
    """The single row (data, subtotal or total) whose values contain `match`."""
    rows = [r for r in [*result.rows, *result.totals] if all(r.values.get(k) == v for k, v in match.items())]
    assert len(rows) == 1, (match, [r.values for r in rows])
    return rows[0]
