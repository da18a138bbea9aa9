"""The assignments that exist when the approval workflow arrives stay in force (migration 0003)."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0002_alter_roleassignment_role")]
AFTER = [("accounts", "0003_role_approval")]


def test_existing_assignments_are_migrated_active_and_new_ones_start_pending(
    django_db_setup, django_db_blocker
):
    # Outside a test transaction (SQLite alters tables only in autocommit) and without a transactional
    # test's flush, which would empty the catalogues the data migrations seeded for the tests after this one:
    # the test removes its own rows instead.
    with django_db_blocker.unblock():
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        user = old.get_model("accounts", "User").objects.create(username="migration-0003")
        try:
            old.get_model("accounts", "RoleAssignment").objects.create(user=user, role="province_board")
            executor = MigrationExecutor(connection)
            executor.migrate(AFTER)
            assignments = executor.loader.project_state(AFTER).apps.get_model("accounts", "RoleAssignment")
            assert list(assignments.objects.values_list("status", flat=True)) == ["ACTIVE"]
            assert assignments.objects.create(user_id=user.pk, role="official").status == "PENDING"
        finally:
            executor = MigrationExecutor(connection)
            executor.migrate(executor.loader.graph.leaf_nodes())
            apps = executor.loader.project_state(AFTER).apps
            apps.get_model("accounts", "RoleAssignment").objects.filter(user_id=user.pk).delete()
            apps.get_model("accounts", "User").objects.filter(pk=user.pk).delete()
