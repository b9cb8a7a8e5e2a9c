"""What the audit found holding, kept covered: CSRF on every staff form, no open redirect through
the login or logout, a fresh session key at login (no session fixation)."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from ..factories import make_article, put_on_desk

pytestmark = pytest.mark.django_db
PASSWORD = "right-Password-123"


@pytest.fixture
def chief(db):
    user = User.objects.create_user("chief", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="主编"))
    return put_on_desk(user)


def test_staff_forms_refuse_a_post_without_the_csrf_token(chief):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/admin/login/", {"username": "chief", "password": PASSWORD}).status_code == 403
    client.force_login(chief)
    article = make_article(status="draft", published_at=None)
    for url, data in [(reverse("admin:articles_issue_desk", args=[article.issue_id]), {"action": "publish"}),
                      (reverse("admin:articles_article_transition", args=[article.pk]), {"action": "publish"}),
                      (reverse("admin:articles_correction_find"), {"find": "测试", "replace": "改", "apply": "1"})]:
        assert client.post(url, data).status_code == 403, url
    article.refresh_from_db()
    assert article.status == "draft"


def test_the_csrf_token_from_the_form_lets_the_login_through(chief):
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    response = client.post("/admin/login/", {"username": "chief", "password": PASSWORD,
                                             "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and "_auth_user_id" in client.session


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "https:evil.example", "/\\evil.example"])
def test_login_and_logout_never_redirect_off_the_site(client, chief, target):
    response = client.post(f"/admin/login/?next={target}", {"username": "chief", "password": PASSWORD,
                                                             "next": target})
    assert response.status_code == 302 and "evil.example" not in response["Location"]
    response = client.post(f"/admin/logout/?next={target}", {"next": target})
    assert "evil.example" not in response.get("Location", "")


def test_logging_in_gives_a_new_session_key(client, chief):
    client.get("/admin/login/")
    session = client.session
    session["planted"] = "by someone else"
    session.save()
    planted = session.session_key
    client.cookies["sessionid"] = planted
    client.post("/admin/login/", {"username": "chief", "password": PASSWORD})
    assert client.session.session_key != planted and "_auth_user_id" in client.session
