"""Bulk inserts without model instances, for the hundreds of thousands of demo rows.

`bulk_create` builds a model instance and prepares every value field by field; for the demo's ~200.000 rows that
costs far more than the database work. Here rows are plain dicts of column values; each column gets one adapter
chosen once (the backend's own date/datetime/decimal adapters), and the rows go in with COPY on PostgreSQL and
executemany elsewhere. Only for loaders that write trusted, already-validated data (no signals, no audit).
"""

from collections.abc import Iterable
from itertools import chain, islice

from django.db import connection, models
from django.utils import timezone

CHUNK = 5000


def _adapter(field, ops):
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda v: ops.adapt_decimalfield_value(v, field.max_digits, field.decimal_places)
    if isinstance(field, models.UUIDField):
        return lambda v: field.get_db_prep_value(v, connection)
    return None


def insert_rows(model, rows: Iterable[dict]) -> int:
    """INSERT `rows` (dicts keyed by attname, streamed) into `model`'s table; missing fields take defaults."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    stream = chain([first], rows)
    ops = connection.ops
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.attname not in first)]
    defaults, adapters = {}, {}
    for f in fields:
        if f.attname not in first:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                defaults[f.attname] = now
            else:
                defaults[f.attname] = f.get_default()
        adapters[f.attname] = _adapter(f, ops)
    columns = [f.attname for f in fields]
    table = ops.quote_name(model._meta.db_table)
    names = ", ".join(ops.quote_name(f.column) for f in fields)
    postgres = connection.vendor == "postgresql"
    if not postgres:  # adapt the constant defaults once, then only the columns that need it
        defaults = {k: (adapters[k](v) if adapters[k] and v is not None else v) for k, v in defaults.items()}
    plan = [(col, col in defaults, None if postgres or col in defaults else adapters[col]) for col in columns]

    def values(row):
        out = []
        for col, is_default, adapt in plan:
            if is_default:
                out.append(defaults[col])
            else:
                value = row[col]
                out.append(adapt(value) if adapt is not None and value is not None else value)
        return out

    count = 0
    with connection.cursor() as cursor:
        if postgres:
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in stream:
                    copy.write_row(values(row))
                    count += 1
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608 - names from the model
            while batch := [values(r) for r in islice(stream, CHUNK)]:
                cursor.executemany(sql, batch)
                count += len(batch)
    return count
