import pytest
from django.contrib.auth.models import Group, User

from ..factories import make_article, make_issue, put_on_desk


def _user(username, group=None, **extra):
    user = User.objects.create_user(username, password="pw-Ab3456789", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
        put_on_desk(user)  # the paper make_issue() uses
    return user


@pytest.fixture
def editor(db):
    return _user("editor", "编辑")


@pytest.fixture
def chief(db):
    return _user("chief", "主编")


@pytest.fixture
def outsider(db):
    """Staff, but in neither role."""
    return _user("outsider")


@pytest.fixture
def draft(db):
    issue = make_issue()
    return make_article(issue, status="draft", published_at=None, title="青枫镇召开居民区工作会议",
                        body="3月15日，青枫镇召开居民区工作会议。\n\n镇党委书记杜明远出席会议。")
