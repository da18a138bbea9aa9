"""The report form's unit picker searches as one types (htmx) within the units the user may read, instead of
listing every unit in the page; the chosen "Name — CODE" is read back by the form."""

import pytest
from django.urls import reverse

URL = reverse("reports:unit_picker")


def options(client, **params):
    return client.get(URL, params).content.decode()


def test_the_search_is_unaccented_and_finds_by_name_or_code(client, board, tree):
    client.force_login(board)
    assert 'value="Văn phòng Sở A — SO_A_VP"' in options(client, q="van phong so a")
    found = options(client, org="so_b")  # htmx sends the box itself: its name is "org"
    assert 'value="Sở B — SO_B"' in found and "SO_A" not in found
    assert options(client, q="không có đơn vị này").strip() == ""


def test_an_officer_finds_only_units_they_may_read(client, alice, tree):
    client.force_login(alice)
    everything = options(client, q="")
    assert "SO_A" in everything and "SO_A_VP" in everything and "SO_B" not in everything
    assert options(client, q="so b").strip() == ""


def test_anonymous_users_are_sent_to_log_in(client):
    assert client.get(URL, {"q": "so"}).status_code == 302


@pytest.mark.parametrize("name", ["headcount"])
def test_the_form_lists_no_units_and_reads_the_chosen_one(client, board, tree, name):
    client.force_login(board)
    page = client.get(reverse("reports:detail", args=[name])).content.decode()
    assert f'hx-get="{URL}"' in page and '<option value="Sở B — SO_B">' not in page
    chosen = client.get(reverse("reports:detail", args=[name]), {"org": "Sở B — SO_B"})
    assert chosen.status_code == 200 and chosen.context["form"].cleaned_data["org"].code == "SO_B"
