"""The register's rules as dated rows (issue 15): the table; the working age is seeded by 0009."""

from django.db import migrations

from canbo.core.rule_migrations import create_rule_table


class Migration(migrations.Migration):
    dependencies = [("people", "0007_qualification_source_granted")]

    operations = [create_rule_table("people", "PeopleRule", "quy định về hồ sơ cán bộ, công chức, viên chức")]
