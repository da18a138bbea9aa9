"""Rules as dated data, in one place per app, and the registry the "Căn cứ pháp lý" page reads.

An app keeps its legal constants as rows of a `DatedRule` subclass (a code, a JSON value, a Vietnamese label,
`valid_from`/`valid_to`/`legal_basis`), seeded by a data migration with the text they come from, and reads them
by the date of the act it judges: `MyRule.objects.value("code", on=act_date)`. A correction never overwrites a
row: it appends a new version from a date and closes the one it replaces the day before (`rule_version_append`).

An app makes its rules visible on the page with one call in its AppConfig.ready():

    from canbo.core.rulebook import register_rules
    register_rules(SalaryRule, area="Tiền lương")

`core` imports no domain app: the apps register themselves.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from canbo.core.audit import audit_actor, register_audited
from canbo.core.models import EffectiveDated, EffectiveDatedQuerySet


class RuleMissing(LookupError):
    """No row of a rule is in force on the date asked: the rule table lacks a version (a data error)."""


class DatedRuleQuerySet(EffectiveDatedQuerySet):
    def version(self, code: str, *, on: date):
        row = self.active_on(on).filter(code=code).order_by("-valid_from").first()
        if row is None:
            raise RuleMissing(f"{self.model.__name__} '{code}' has no version in force on {on:%d/%m/%Y}.")
        return row

    def value(self, code: str, *, on: date):
        """The rule's value in force on `on` (the date of the act it judges)."""
        return self.version(code, on=on).value

    def history(self, code: str) -> "RuleHistory":
        """Every version of one rule, one query; `.on(date)` then picks the version of each date in Python
        (for a loop over many dated acts)."""
        return RuleHistory(code, list(self.filter(code=code).order_by("valid_from")))

    def values_on(self, on: date) -> dict:
        """Every rule of this table in force on `on`, {code: value}, in one query."""
        return {r.code: r.value for r in self.active_on(on).order_by("code", "valid_from")}


@dataclass(frozen=True)
class RuleHistory:
    code: str
    versions: list

    def on(self, on: date):
        for row in reversed(self.versions):
            if row.valid_from <= on and (row.valid_to is None or on <= row.valid_to):
                return row.value
        raise RuleMissing(f"'{self.code}' has no version in force on {on:%d/%m/%Y}.")


class DatedRule(EffectiveDated):
    """One version of one rule. Subclasses add nothing but their Meta (verbose names)."""

    code = models.CharField(_("mã quy định"), max_length=60)
    label = models.CharField(_("nội dung"), max_length=300)
    value = models.JSONField(_("giá trị"))

    objects = DatedRuleQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="%(app_label)s_%(class)s_code_from"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.code} ({self.valid_from:%d/%m/%Y})"


@dataclass(frozen=True)
class RuleArea:
    model: type
    area: str


_REGISTRY: dict[str, RuleArea] = {}


def register_rules(*models_: type, area: str) -> None:
    """Show these DatedRule tables on the "Căn cứ pháp lý" page under `area` and audit their changes."""
    for model in models_:
        if not issubclass(model, DatedRule):
            raise TypeError(f"{model.__name__} is not a DatedRule")
        if model._meta.label_lower not in _REGISTRY:
            register_audited(model)
        _REGISTRY[model._meta.label_lower] = RuleArea(model, area)


def registered_rules() -> list[RuleArea]:
    return sorted(_REGISTRY.values(), key=lambda r: (r.area, str(r.model._meta.verbose_name)))


def rule_model(label: str) -> type:
    try:
        return _REGISTRY[label].model
    except KeyError:
        raise LookupError(label) from None


@dataclass(frozen=True)
class DatedTable:
    """A legal rule kept in a table of its own columns (an `EffectiveDated` model, not a `DatedRule`): the
    retirement roadmap, the conditions of sending to study. `describe(row)` gives (label, value as a dict)."""

    model: type
    area: str
    describe: object


_TABLES: dict[str, DatedTable] = {}


def register_dated_table(model: type, *, area: str, describe) -> None:
    """Show the rows of an effective-dated table in force on the page under `area`, read-only (their columns are
    corrected in the admin, where each change is audited by the app)."""
    _TABLES[model._meta.label_lower] = DatedTable(model, area, describe)


def dated_tables_in_force(on: date) -> list[tuple[str, list[tuple]]]:
    """[(area, [(row, label, value)])] for every registered dated table, one query per table."""
    grouped: dict[str, list] = {}
    for entry in sorted(_TABLES.values(), key=lambda t: (t.area, str(t.model._meta.verbose_name))):
        for row in entry.model.objects.active_on(on).order_by("valid_from", "pk"):
            label, value = entry.describe(row)
            grouped.setdefault(entry.area, []).append((row, label, value))
    return sorted(grouped.items())


def rules_in_force(on: date) -> list[tuple[str, list]]:
    """[(area, [rows in force on `on`])] for every registered table, grouped by area, one query per table."""
    grouped: dict[str, list] = {}
    for entry in registered_rules():
        grouped.setdefault(entry.area, []).extend(entry.model.objects.active_on(on).order_by("code"))
    return sorted(grouped.items())


@transaction.atomic
def rule_version_append(*, actor, model: type, code: str, valid_from: date, value, legal_basis: str):
    """Correct a rule from `valid_from`: the version in force then ends the day before, a new row carries the
    new value with its legal basis. Earlier history is never rewritten; a date before the current version's
    start is refused (correct that version's successor instead). Permission is the caller's check."""
    errors: dict[str, list[str]] = {}
    legal_basis = (legal_basis or "").strip()
    if not legal_basis:
        errors["legal_basis"] = ["Cần căn cứ pháp lý của quy định mới."]
    elif len(legal_basis) > 300:
        errors["legal_basis"] = ["Căn cứ pháp lý tối đa 300 ký tự."]
    if valid_from is None:
        errors["valid_from"] = ["Cần ngày hiệu lực."]
    current = model.objects.select_for_update().filter(code=code).order_by("-valid_from").first()
    if current is None:
        errors["code"] = ["Không có quy định này."]
    elif valid_from is not None and valid_from <= current.valid_from:
        errors["valid_from"] = [
            f"Ngày hiệu lực phải sau {current.valid_from:%d/%m/%Y} (ngày bắt đầu của phiên bản hiện hành): "
            "lịch sử không bị ghi đè."
        ]
    elif current.value is not None and type(value) is not type(current.value):
        errors["value"] = ["Giá trị mới phải cùng kiểu với giá trị hiện hành."]
    if errors:
        raise ValidationError(errors)
    with audit_actor(actor):
        if current.valid_to is None or current.valid_to >= valid_from:
            current.valid_to = valid_from - timedelta(days=1)
            current.save(update_fields=["valid_to"])
        new = model(
            code=code, label=current.label, value=value, valid_from=valid_from, legal_basis=legal_basis
        )
        new.full_clean()
        new.save()
    return new


def seed_rules(apps, model_label: str, rows: list[dict]) -> None:
    """For data migrations: insert rule versions (each dict: code, label, value, valid_from, valid_to?,
    legal_basis) that are not there yet."""
    model = apps.get_model(model_label)
    for row in rows:
        model.objects.get_or_create(code=row["code"], valid_from=row["valid_from"], defaults=row)


def unseed_rules(apps, model_label: str, rows: list[dict]) -> None:
    model = apps.get_model(model_label)
    for row in rows:
        model.objects.filter(code=row["code"], valid_from=row["valid_from"]).delete()
