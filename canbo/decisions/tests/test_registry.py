"""The registry is open: an app registers its kind (the salary app's step raise) with one call."""

import pytest
from django.shortcuts import get_object_or_404

from canbo.accounts.scoping import can_edit_unit
from canbo.decisions import registry
from canbo.decisions.docx.build import KINDS
from canbo.decisions.facts import draft_name, person_facts
from canbo.decisions.heading import decision_heading
from canbo.people.selectors import person_queryset_for

from .conftest import docx_text, download


@pytest.fixture
def step_raise_kind(tmp_path):
    """A kind registered from outside, with its own template file (here: the study template's layout)."""
    from canbo.decisions.docx import build

    KINDS["extra_kind"] = (
        "Về việc nâng bậc lương thường xuyên",
        ["Nâng bậc lương đối với {{ person.honorific }} {{ person.name }} lên bậc {{ step }}.", "X", "Y"],
        False,
    )
    try:
        build.build("extra_kind", tmp_path / "extra_kind.docx")
    finally:
        del KINDS["extra_kind"]
    kind = registry.register(
        registry.DecisionKind(
            code="extra_kind",
            label="Nâng bậc lương thường xuyên",
            fetch=lambda user, key: get_object_or_404(person_queryset_for(user=user), pk=int(key)),
            may_draft=lambda user, person: can_edit_unit(user, person.current_unit),
            context=lambda person: {
                **decision_heading(unit=person.current_unit),
                "grounds": [],
                "person": person_facts(person),
                "step": 4,
            },
            filename=lambda person: draft_name("nang-luong", person.full_name),
            template="extra_kind.docx",
            template_dir=tmp_path,
        )
    )
    yield kind
    registry._KINDS.pop("extra_kind")


def test_a_kind_registered_by_another_app_drafts_and_is_scoped(
    client, alice, charlie, bob, anh, step_raise_kind
):
    response = download(client, alice, "extra_kind", anh.pk)
    assert response.status_code == 200
    assert "du-thao-qd-nang-luong-nguyen-van-anh.docx" in response["Content-Disposition"]
    text = docx_text(response.content)
    assert "Về việc nâng bậc lương thường xuyên" in text
    assert "Nâng bậc lương đối với ông Nguyễn Văn Ánh lên bậc 4." in text
    assert download(client, charlie, "extra_kind", anh.pk).status_code == 404
    assert download(client, bob, "extra_kind", anh.pk).status_code == 403


def test_a_registered_kind_appears_on_the_board_templates_page(client, board, step_raise_kind):
    client.force_login(board)
    assert "Nâng bậc lương thường xuyên" in client.get("/quyet-dinh/mau/").content.decode()
