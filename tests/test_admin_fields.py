import pytest
from django.urls import reverse

from articles.admin.fields import NameListField

from .factories import make_issue


def test_an_editorial_board_is_edited_one_name_a_line():
    field = NameListField(required=False)
    assert field.prepare_value(["许晴", "王建华"]) == "许晴\n王建华"
    assert field.clean("许晴\n王建华、蒋一鸣  \n\n") == ["许晴", "王建华", "蒋一鸣"]
    assert field.clean("") == []


def test_an_unchanged_board_is_not_counted_as_a_change():
    assert not NameListField(required=False).has_changed(["许晴", "王建华"], "许晴\n王建华")


@pytest.mark.django_db
def test_the_issue_form_shows_the_board_as_names_not_as_json(admin_client):
    issue = make_issue(editorial_board=["许晴", "王建华"])
    page = admin_client.get(reverse("admin:articles_issue_change", args=[issue.pk])).content.decode()
    assert "许晴\n王建华</textarea>" in page
    assert "[&quot;许晴&quot;" not in page
