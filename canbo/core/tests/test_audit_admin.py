"""Who reads which audit rows in the admin (/quan-tri/auditlog/logentry/), docs/decisions/017.

The board reads every row; the system administrator (and a superuser without a board role) only the rows of
the configuration it keeps — an allow-list, so a model audited tomorrow stays hidden from it; nobody else reads
the audit log in the admin. A hidden row answers 404, not the admin's redirect."""

import pytest
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from canbo.surveys.models import Invitation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:auditlog_logentry_changelist"
# Written by audit_bulk though not registered with auditlog's signals.
BULK_AUDITED = [Invitation]
AUDITED = sorted({*auditlog.get_models(), *BULK_AUDITED}, key=lambda m: m._meta.label)
SYSADMIN_READS = {
    "accounts.AccountChange",
    "accounts.ApiToken",
    "accounts.RoleAssignment",
    "accounts.User",
    "org.OrgUnit",
    "standards.StandardCriterion",
    "standards.TitleStandard",
}


def _staff(user):
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def entries(tree):
    """One audit row for every audited model: {label: entry}."""
    rows = {}
    for model in AUDITED:
        rows[model._meta.label] = LogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(model),
            object_pk="1",
            object_id=1,
            object_repr=f"bản ghi {model._meta.label}",
            action=LogEntry.Action.CREATE,
            changes={"note": [None, "nội dung"]},
        )
    return rows


def _shown(client) -> set[str]:
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    return {
        f"{e.content_type.app_label}.{e.content_type.model_class().__name__}"
        for e in response.context["cl"].queryset.select_related("content_type")
    }


def test_the_audited_models_include_the_personal_ones():
    labels = {m._meta.label for m in AUDITED}
    assert {"people.Person", "feedback.Feedback", "training.Enrolment", "surveys.Invitation"} <= labels
    assert labels >= SYSADMIN_READS


def test_the_sysadmin_reads_only_the_configuration_rows(client, sysadmin, entries):
    client.force_login(sysadmin)
    assert _shown(client) == SYSADMIN_READS


def test_a_superuser_without_a_board_role_reads_what_the_sysadmin_reads(client, entries):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert _shown(client) == SYSADMIN_READS


@pytest.mark.parametrize("model", AUDITED, ids=lambda m: m._meta.label)
def test_the_sysadmin_gets_404_on_a_hidden_row_and_reads_a_configuration_row(
    client, sysadmin, entries, model
):
    client.force_login(sysadmin)
    entry = entries[model._meta.label]
    response = client.get(reverse("admin:auditlog_logentry_change", args=[entry.pk]))
    if model._meta.label in SYSADMIN_READS:
        assert response.status_code == 200
    else:
        assert response.status_code == 404
        assert "nội dung" not in response.content.decode()
        history = client.get(reverse("admin:auditlog_logentry_history", args=[entry.pk]))
        assert history.status_code == 404


def test_the_sysadmin_cannot_search_its_way_to_hidden_rows(client, sysadmin, entries):
    client.force_login(sysadmin)
    response = client.get(reverse(CHANGELIST), {"q": "bản ghi feedback"})
    assert not response.context["cl"].queryset.exists()


def test_the_board_reads_every_row(client, board, entries):
    client.force_login(_staff(board))
    assert _shown(client) == set(entries)


@pytest.mark.parametrize("who", ["alice", "bob", "standing", "dana"])
def test_nobody_else_reads_the_audit_log_in_the_admin(client, request, who, entries):
    client.force_login(_staff(request.getfixturevalue(who)))
    assert client.get(reverse(CHANGELIST)).status_code == 403
    entry = entries["people.Person"]
    assert client.get(reverse("admin:auditlog_logentry_change", args=[entry.pk])).status_code in (403, 404)
