"""The migrations of the rule tables (`canbo.core.rulebook.DatedRule`), written once.

Every app's rule table has the same columns and the same two constraints, and every seed is "insert these versions
if they are not there, remove them when the migration is reversed". A migration states only what is its own:

    operations = [create_rule_table("party", "PartyRule", "quy định về kết nạp đảng viên")]
    operations = [seed_rules_operation("party.PartyRule", ROWS)]

What these build is what `makemigrations` writes for a `DatedRule` subclass, so the migration state (and the
database) is the same as with the operations written out.
"""

from django.db import migrations, models

from .rulebook import seed_rules, unseed_rules


def rule_table_fields() -> list[tuple[str, models.Field]]:
    """The columns of a `DatedRule` table (EffectiveDated's, then the rule's)."""
    return [
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("valid_from", models.DateField(verbose_name="hiệu lực từ")),
        ("valid_to", models.DateField(blank=True, null=True, verbose_name="hiệu lực đến")),
        ("legal_basis", models.CharField(blank=True, max_length=300, verbose_name="căn cứ pháp lý")),
        ("code", models.CharField(max_length=60, verbose_name="mã quy định")),
        ("label", models.CharField(max_length=300, verbose_name="nội dung")),
        ("value", models.JSONField(verbose_name="giá trị")),
    ]


def rule_table_constraints(app_label: str, name: str) -> list[models.BaseConstraint]:
    """One version per (code, start); a version ends on or after it starts (DatedRule.Meta, names resolved)."""
    prefix = f"{app_label}_{name.lower()}"
    return [
        models.UniqueConstraint(fields=("code", "valid_from"), name=f"{prefix}_code_from"),
        models.CheckConstraint(
            condition=models.Q(
                ("valid_to__isnull", True), ("valid_to__gte", models.F("valid_from")), _connector="OR"
            ),
            name=f"{prefix}_dates_ordered",
        ),
    ]


def create_rule_table(
    app_label: str, name: str, verbose_name: str, *, with_constraints: bool = True
) -> migrations.CreateModel:
    """The CreateModel of a rule table. `with_constraints=False` for the migrations that add the two constraints
    in later operations (`add_rule_table_constraints`), as makemigrations wrote some of them."""
    options = {
        "verbose_name": verbose_name,
        "verbose_name_plural": verbose_name,
        "ordering": ["code", "valid_from"],
        "abstract": False,
    }
    if with_constraints:
        options["constraints"] = rule_table_constraints(app_label, name)
    return migrations.CreateModel(name=name, fields=rule_table_fields(), options=options)


def add_rule_table_constraints(app_label: str, name: str) -> list[migrations.AddConstraint]:
    return [
        migrations.AddConstraint(model_name=name.lower(), constraint=constraint)
        for constraint in rule_table_constraints(app_label, name)
    ]


def seed_rules_operation(model_label: str, rows) -> migrations.RunPython:
    """Insert the rule versions `rows` (a list of dicts, or a function returning one: code, label, value,
    valid_from, valid_to, legal_basis) that are not there yet; reversed, remove them."""

    def _rows():
        return rows() if callable(rows) else rows

    def forward(apps, schema_editor):
        seed_rules(apps, model_label, _rows())

    def backward(apps, schema_editor):
        unseed_rules(apps, model_label, _rows())

    return migrations.RunPython(forward, backward)
