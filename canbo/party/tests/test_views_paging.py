"""Admissions and targets page by keyset with sortable columns (decision 032); the index shows the newest
targets and links to all of them when there are more."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from canbo.party.models import Admission, AdmissionTarget

D = datetime.date


@pytest.fixture
def admissions(board, party_a):
    Admission.objects.bulk_create(
        Admission(
            candidate_name=f"Người {i:02d}",
            birth_date=D(1995, 1, 1),
            education="THPT",
            party_org=party_a,
            cell="Chi bộ 1",
            cell_vote_date=D(2021, 3, 1),
            decision_number=str(i),
            decision_date=D(2021, 3, 5),
            admitted_on=D(2021, 3, 10) + datetime.timedelta(days=i),
            recorded_by=board,
        )  # fmt: skip
        for i in range(60)
    )


def test_admissions_sort_and_page_by_cursor(client, board, admissions):
    client.force_login(board)
    page = client.get(reverse("party:index")).context["page"]
    assert page.object_list[0].candidate_name == "Người 59" and page.has_next and page.count == 60
    nxt = client.get(
        reverse("party:index"), {k: v[0] for k, v in parse_qs(urlsplit(page.next_url).query).items()}
    )
    assert [a.candidate_name for a in nxt.context["page"].object_list] == [
        f"Người {i:02d}" for i in range(9, -1, -1)
    ]
    by_name = client.get(reverse("party:index"), {"sap_xep": "ten"}).context["page"]
    assert by_name.object_list[0].candidate_name == "Người 00"
    for column in ("to_chuc", "chi_bo", "trang_thai", "-chinh_thuc"):
        assert client.get(reverse("party:index"), {"sap_xep": column}).status_code == 200
    assert client.get(reverse("party:index"), {"sau": "không phải con trỏ"}).status_code == 200


def test_all_targets_are_listed_on_their_own_page(client, board, alice, party_a, party_b):
    for i in range(12):
        for org in (party_a, party_b):
            AdmissionTarget.objects.create(
                party_org=org, start_year=1990 + 5 * i, end_year=1995 + 5 * i, target=10 + i,
                resolution_number=f"NQ {i}", recorded_by=board,
            )  # fmt: skip
    client.force_login(board)
    index = client.get(reverse("party:index"))
    assert len(index.context["targets"]) == 10 and index.context["more_targets"]
    assert reverse("party:targets") in index.content.decode()
    page = client.get(reverse("party:targets"), {"sap_xep": "-chi_tieu"}).context["page"]
    assert page.count == 24 and [t.target for t in page.object_list[:2]] == [21, 21]
    client.force_login(alice)  # dept_a's officer: dept_a's Party organisation only
    page = client.get(reverse("party:targets")).context["page"]
    assert {t.party_org.code for t in page.object_list} == {"DB_SO_A"} and page.count == 12
