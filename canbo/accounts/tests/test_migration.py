"""The assignments that exist when the approval workflow arrives stay in force (migration 0003)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0002_alter_roleassignment_role")]
AFTER = [("accounts", "0003_role_approval")]


@pytest.mark.django_db(transaction=True)
def test_existing_assignments_are_migrated_active_and_new_ones_start_pending():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(username="cu")
    old.get_model("accounts", "RoleAssignment").objects.create(user=user, role="province_board")
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps
        assignments = new.get_model("accounts", "RoleAssignment").objects
        assert list(assignments.values_list("status", flat=True)) == ["ACTIVE"]
        assert assignments.create(user_id=user.pk, role="official").status == "PENDING"
    finally:
        MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
