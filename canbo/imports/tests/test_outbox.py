"""The import's national-database outbox (decision 037): one set-based write per import, the same items a change
made through a form would enqueue, with the 1-working-day deadline of a change made in Canbo; every change audited."""

import datetime
import threading

import pytest
from auditlog.models import LogEntry

from canbo.imports.importer import run_import
from canbo.nationaldb.models import ChangeSource, NationalCode, OutboxItem, OutboxState
from canbo.nationaldb.outbox import items_for_change, sync_deadline
from canbo.nationaldb.services import batch_approve, outbox_send_due
from canbo.nationaldb.standin.app import StandInNationalDb, serve
from canbo.people.models import Employment, Person, Qualification

from .files import history_row, person_row, qualification_row, write_file

pytestmark = pytest.mark.django_db
PLACE = "Xã Mường Phăng, tỉnh Điện Biên"  # a province the national list knows (decision 041)


@pytest.fixture
def imported(alice, tree, tmp_path):
    OutboxItem.objects.all().delete()
    pao = person_row(1, place_of_origin=PLACE)
    hoa = person_row(2, full_name="Lò Thị Hoa", gender="Nữ", unit_code="SO_A", category="Viên chức")
    hoa["place_of_origin"] = PLACE
    path = write_file(
        tmp_path / "tep.xlsx",
        persons=[pao, hoa],
        history=[history_row(pao["national_id"])],
        qualifications=[qualification_row(pao["national_id"]), qualification_row(hoa["national_id"])],
    )
    outcome = run_import(path, actor=alice)
    assert outcome.ok, outcome.errors
    return path


def test_the_import_enqueues_the_items_a_single_change_would_with_a_one_working_day_deadline(imported):
    items = list(OutboxItem.objects.order_by("id"))
    assert items, "the import wrote nothing to the outbox"
    assert {i.source for i in items} == {ChangeSource.CANBO}
    today = datetime.date.today()
    assert {i.deadline for i in items} == {sync_deadline(today, ChangeSource.CANBO)}
    assert len({i.key for i in items}) == len(items)  # one idempotency key each
    # the same items, field for field, as the one-change path computes from each audit row
    expected = []
    for entry in LogEntry.objects.order_by("id"):
        model = entry.content_type.model_class()
        expected += [
            (i.person_id, i.national_id, i.unit_id, i.group, i.record, i.action, i.change)
            for i in items_for_change(
                model=model, obj_pk=int(entry.object_pk), obj=model.objects.get(pk=entry.object_pk),
                action="create", changes=entry.changes, source=ChangeSource.CANBO,
            )
        ]  # fmt: skip
    got = [(i.person_id, i.national_id, i.unit_id, i.group, i.record, i.action, i.change) for i in items]
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    pao = Person.objects.get(full_name="Lò Văn Páo")
    identity = next(i for i in items if i.record == f"people.Person:{pao.pk}" and i.group == 1)
    assert identity.change["1.01"] == pao.national_id and identity.unit_id == pao.current_unit_id


@pytest.fixture
def standin(settings):
    """The stand-in national database on a free port of 127.0.0.1 (as in canbo/nationaldb/tests)."""
    app = StandInNationalDb()
    server = serve("127.0.0.1", 0, app)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.NATIONAL_DB_URL = f"http://127.0.0.1:{server.server_port}"
    settings.NATIONAL_DB_TIMEOUT = 10.0
    yield app
    server.shutdown()
    server.server_close()


def test_the_imported_items_reach_the_national_database_within_the_deadline(alice, imported, standin):
    # the national code lists know the post and the place (decision 041): nothing is held back for a code
    for person in Person.objects.filter(position__isnull=False).select_related("position"):
        NationalCode.objects.get_or_create(
            catalogue="POSITION", local_value=person.position.code, defaults={"national_code": "CV.16"}
        )
    NationalCode.objects.create(catalogue="QUALIFICATION", local_value="DAI_HOC", national_code="TD.07")
    assert batch_approve(user=alice) is not None
    counts = outbox_send_due()
    held = list(
        OutboxItem.objects.exclude(state=OutboxState.SENT).values_list("refusal_reason", "last_error")
    )
    assert counts["sent"] == OutboxItem.objects.count() and counts["refused"] == 0, held
    sent = OutboxItem.objects.filter(state=OutboxState.SENT)
    assert all(i.sent_at.date() <= i.deadline for i in sent)


def test_every_record_the_import_writes_has_its_audit_row_and_a_second_import_adds_none(alice, imported):
    for model in (Person, Employment, Qualification):
        for obj in model.objects.all():
            assert LogEntry.objects.get_for_object(obj).filter(actor=alice).exists(), obj
    audit, outbox = LogEntry.objects.count(), OutboxItem.objects.count()
    assert run_import(imported, actor=alice).ok
    assert (LogEntry.objects.count(), OutboxItem.objects.count()) == (audit, outbox)


def test_a_changed_person_enqueues_only_the_changed_field(alice, imported, tmp_path):
    OutboxItem.objects.all().delete()
    pao = person_row(1, phone="0987654321", place_of_origin=PLACE)
    path = write_file(tmp_path / "doi.xlsx", persons=[pao], history=[history_row(pao["national_id"])])
    assert run_import(path, actor=alice).ok
    item = OutboxItem.objects.get()
    person = Person.objects.get(national_id=pao["national_id"])
    assert item.action == "update" and item.record == f"people.Person:{person.pk}"
    assert list(item.change.values()) == ["0987654321"]
    entry = LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes["phone"][1] == "0987654321"
