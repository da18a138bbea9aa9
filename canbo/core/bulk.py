"""Bulk inserts without bulk_create, for the demo's hundreds of thousands of rows and the Excel import.

`bulk_create` builds a model instance and prepares every value field by field; for the demo's ~200.000 rows that
costs far more than the database work. Here rows are plain dicts of column values; each column gets one adapter
chosen once (the backend's own date/datetime/decimal adapters), and the rows go in with COPY on PostgreSQL and
executemany elsewhere. Only for writers of trusted, already-validated data (no signals, no audit: the caller
writes its own audit rows, as the import does with canbo.core.audit.audit_bulk).
"""

import functools
from collections.abc import Iterable
from itertools import chain, islice
from operator import itemgetter

from django.db import connection, models
from django.db.models import signals
from django.db.models.base import ModelState
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


def insert_rows(model, rows: Iterable[dict], *, now=None) -> int:
    """INSERT `rows` (dicts keyed by attname, streamed) into `model`'s table; missing fields take defaults
    (auto_now and auto_now_add fields take `now`, by default the current time)."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    stream = chain([first], rows)
    ops = connection.ops
    now = now or timezone.now()
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.attname not in first)]
    defaults, adapters = {}, {}
    for f in fields:
        if f.attname not in first:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                defaults[f.attname] = now
            else:
                defaults[f.attname] = f.get_default()
        adapters[f.attname] = _adapter(f, ops)
    postgres = connection.vendor == "postgresql"
    if postgres:  # COPY takes the row's own values first, then the constant defaults: one tuple a row
        fields = [f for f in fields if f.attname not in defaults] + [
            f for f in fields if f.attname in defaults
        ]
    columns = [f.attname for f in fields]
    table = ops.quote_name(model._meta.db_table)
    names = ", ".join(ops.quote_name(f.column) for f in fields)
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
            live = [c for c in columns if c not in defaults]
            tail = tuple(defaults[c] for c in columns if c in defaults)
            pick = itemgetter(*live) if len(live) > 1 else (lambda row: (row[live[0]],))
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                write = copy.write_row
                for row in stream:
                    write(pick(row) + tail)
                    count += 1
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608 - names from the model
            while batch := [values(r) for r in islice(stream, CHUNK)]:
                cursor.executemany(sql, batch)
                count += len(batch)
    return count


CHUNK_IN = 900  # values per IN (...) when reading the new ids back, under SQLite's historical limit


def _timestamp_fields(model) -> set[str]:
    return {
        f.attname
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }


def _stored_keys(model, key: tuple[str, ...], firsts: list):
    """(pk, *key) of the rows whose key[0] is one of `firsts`: one query with = ANY(array) on PostgreSQL,
    IN (...) chunks elsewhere."""
    meta = model._meta
    if connection.vendor == "postgresql":
        ops = connection.ops
        names = ", ".join(ops.quote_name(meta.get_field(n).column) for n in (meta.pk.attname, *key))
        first = ops.quote_name(meta.get_field(key[0]).column)
        sql = f"SELECT {names} FROM {ops.quote_name(meta.db_table)} WHERE {first} = ANY(%s)"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [firsts])
            yield from cursor.fetchall()
        return
    for i in range(0, len(firsts), CHUNK_IN):
        rows = model._default_manager.filter(**{f"{key[0]}__in": firsts[i : i + CHUNK_IN]})
        yield from rows.values_list(meta.pk.attname, *key).order_by()


def insert_objects(model, objects: list, *, key: tuple[str, ...], now=None) -> int:
    """INSERT unsaved `model` instances with insert_rows, then give each its new primary key.

    What bulk_create would do, without its per-value preparation and SQLite's 999-parameter batches: foreign
    keys take the pk of a related object assigned before it was saved, auto_now(_add) fields take `now`, and
    the new ids are read back in a few queries by `key`, attnames that identify one row among those of the
    same `key[0]` values (a unique key, or one the caller guarantees unique for these rows). Run it inside the
    caller's transaction.
    """
    if not objects:
        return 0
    meta = model._meta
    now = now or timezone.now()
    stamps = _timestamp_fields(model)
    pk_name = meta.pk.attname
    related = [
        (f.attname, f.cache_name, f.name)
        for f in meta.concrete_fields
        if f.is_relation and (f.many_to_one or f.one_to_one)
    ]
    stamped = dict.fromkeys(stamps, now)
    for obj in objects:  # on the instance's own dict: what the descriptors would do, without their checks
        values, cache = obj.__dict__, obj._state.fields_cache
        for attname, cache_name, name in related:
            if values.get(attname) is None:
                target = cache.get(cache_name)
                if target is not None:
                    if target.pk is None:
                        raise ValueError(f"{model.__name__}.{name}: related object not saved.")
                    values[attname] = target.pk  # the cached object stays
        values.update(stamped)
    columns = [f.attname for f in meta.concrete_fields if f.attname != pk_name and f.attname not in stamps]
    pick = itemgetter(*columns)
    count = insert_rows(
        model, (dict(zip(columns, pick(obj.__dict__), strict=True)) for obj in objects), now=now
    )
    wanted = {tuple(getattr(obj, k) for k in key): obj for obj in objects}
    if len(wanted) != len(objects):
        raise ValueError(f"{model.__name__}: two new rows share the key {key}.")
    found = 0
    for pk, *values in _stored_keys(model, key, list({k[0] for k in wanted})):
        obj = wanted.get(tuple(values))
        if obj is None:
            continue
        if obj.pk is not None:
            raise RuntimeError(f"{model.__name__}: more than one stored row has the key {tuple(values)}.")
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
        found += 1
    if found != len(objects):
        raise RuntimeError(f"{model.__name__}: {len(objects) - found} new rows not found by {key}.")
    return count


@functools.cache
def _blank_row(model) -> tuple[tuple[tuple[str, object], ...], tuple[tuple[str, object], ...]]:
    """(attname, constant default) and (attname, default callable) of `model`'s concrete fields."""
    constants, callables = [], []
    for f in model._meta.concrete_fields:
        if f.has_default() and callable(f.default):
            callables.append((f.attname, f.default))
        else:
            constants.append((f.attname, f.get_default()))
    return tuple(constants), tuple(callables)


def unsaved(model, values: dict, related: dict | None = None):
    """A new, unsaved `model` instance from attnames → values (other fields take their defaults) and related
    objects (field name → object, which may not be saved yet: insert_objects takes its pk when it is).

    What `model(**values)` makes, at a fraction of its cost (no per-field descriptor and keyword handling): for
    the import's hundreds of thousands of rows. Models with pre_init/post_init receivers take the ordinary path.
    """
    if signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model):
        obj = model(**values)
        for name, target in (related or {}).items():
            setattr(obj, name, target)
        return obj
    constants, callables = _blank_row(model)
    obj = model.__new__(model)
    state = obj.__dict__
    state.update(constants)
    for attname, default in callables:
        state[attname] = default()
    state.update(values)
    obj._state = ModelState()
    if related:
        cache = obj._state.fields_cache
        meta = model._meta
        for name, target in related.items():
            field = meta.get_field(name)
            state[field.attname] = None if target is None else target.pk
            cache[field.cache_name] = target
    return obj
