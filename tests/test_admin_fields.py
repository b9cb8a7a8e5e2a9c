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


def test_a_papers_contact_is_edited_one_line_each_and_read_back_into_its_keys():
    from django.core.exceptions import ValidationError

    from articles.admin.fields import ContactField

    field = ContactField(required=False)
    assert field.prepare_value({"email": "qf@163.com", "phone": "021-12345678"}) == "电话：021-12345678\n邮箱：qf@163.com"
    assert field.clean("电话：021-12345678\n邮箱: qf@163.com\n\n") == {"phone": "021-12345678", "email": "qf@163.com"}
    assert field.clean("") == {}
    assert field.clean(field.prepare_value({"wechat": "qingfeng", "fax": "021-1234"})) == {"wechat": "qingfeng",
                                                                                       "fax": "021-1234"}
    with pytest.raises(ValidationError, match="看不懂"):
        field.clean("微信 qingfeng")


@pytest.mark.django_db
def test_the_issue_form_shows_the_contact_as_lines_not_as_json(admin_client):
    issue = make_issue(contact={"phone": "021-12345678"})
    page = admin_client.get(reverse("admin:articles_issue_change", args=[issue.pk])).content.decode()
    assert "电话：021-12345678</textarea>" in page


@pytest.mark.django_db
def test_the_admin_names_every_app_and_model_in_chinese_even_those_of_packages_that_ship_none(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    for name in ("登录防护", "登录尝试", "登录失败", "后台任务", "任务结果"):
        assert name in page
    for english in ("Axes", "Access attempts", "Tasks Database Backend", "Task results"):
        assert english not in page
