"""On PostgreSQL, audit rows cannot be changed or deleted by any door of the application."""

from django.db import migrations

FORWARDS = """
CREATE OR REPLACE FUNCTION canbo_audit_rows_are_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Lịch sử thay đổi không được sửa hoặc xóa (auditlog_logentry là bảng chỉ ghi thêm).';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS canbo_audit_append_only ON auditlog_logentry;
CREATE TRIGGER canbo_audit_append_only BEFORE UPDATE OR DELETE ON auditlog_logentry
    FOR EACH ROW EXECUTE FUNCTION canbo_audit_rows_are_append_only();
"""
BACKWARDS = """
DROP TRIGGER IF EXISTS canbo_audit_append_only ON auditlog_logentry;
DROP FUNCTION IF EXISTS canbo_audit_rows_are_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARDS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0017_add_actor_email")]
    operations = [migrations.RunPython(forwards, backwards)]
