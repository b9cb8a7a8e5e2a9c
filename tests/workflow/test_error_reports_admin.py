"""The editors' queue of reader reports: each desk sees its own papers' reports, and closes one
as fixed only after the article was edited through the normal path (a live article: for review)."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from articles.models import ArticleRevision, ErrorReport, ReportStatus, RevisionState
from articles.services import reports, workflow
from articles.services.home import todo_for

from ..factories import make_article, make_issue, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_papers(db):
    own = make_article(make_issue(make_publication()), title="本报文章")
    other = make_article(make_issue(make_publication("梅园路街道")), title="别报文章")
    return (reports.report_error(article_id=own.pk, message="本报的人名写错了"),
            reports.report_error(article_id=other.pk, message="别报的日期写错了"))


def changelist(client, user, query=""):
    client.force_login(user)
    return client.get(reverse("admin:articles_errorreport_changelist") + query)


def test_an_editor_sees_the_reports_of_their_papers_only(client, editor, two_papers):
    own, other = two_papers
    page = changelist(client, editor).content.decode()
    assert "本报的人名写错了" in page and "别报的日期写错了" not in page
    assert reverse("admin:articles_article_change", args=[own.article_id]) in page  # 去改正
    client.force_login(editor)
    assert client.get(reverse("admin:articles_errorreport_change", args=[other.pk])).status_code in (302, 403, 404)


def test_the_desk_home_counts_open_reports_and_the_article_form_lists_them(client, editor, two_papers):
    own, _ = two_papers
    todo = {item.label: item.count for item in todo_for(editor)}
    assert todo["读者报告的错误"] == 1
    client.force_login(editor)
    form = client.get(reverse("admin:articles_article_change", args=[own.article_id])).content.decode()
    assert 'id="reader-reports"' in form and "本报的人名写错了" in form


def test_a_report_is_closed_as_fixed_only_after_the_article_was_edited_for_review(editor, chief, two_papers):
    own, _ = two_papers
    with pytest.raises(ValidationError, match="还没有修改过"):
        reports.reports_close(reports=[own], user=editor, outcome=ReportStatus.FIXED)
    # The editor's fix of a live article is a revision waiting for the chief: the one path of every edit.
    article = workflow.working_copy(own.article_id, editor)
    article.body = article.body.replace("居民区", "居民委员会")
    assert workflow.commit_content(article, editor, "按读者报告改正") == "review"
    assert ArticleRevision.objects.get(article_id=own.article_id).state == RevisionState.PENDING
    assert reports.reports_close(reports=[own], user=editor, outcome=ReportStatus.FIXED) == 1
    own.refresh_from_db()
    assert (own.status, own.closed_by) == (ReportStatus.FIXED, editor)


def test_no_change_needed_takes_a_reason(editor, two_papers):
    own, _ = two_papers
    with pytest.raises(ValidationError, match="写明理由"):
        reports.reports_close(reports=[own], user=editor, outcome=ReportStatus.DISMISSED, note=" ")
    reports.reports_close(reports=[own], user=editor, outcome=ReportStatus.DISMISSED, note="原报如此")
    own.refresh_from_db()
    assert (own.status, own.note) == (ReportStatus.DISMISSED, "原报如此")


def test_no_one_closes_a_report_of_another_desk_or_without_the_role(editor, outsider, two_papers):
    _, other = two_papers
    with pytest.raises(PermissionDenied):
        reports.reports_close(reports=[other], user=editor, outcome=ReportStatus.DISMISSED, note="不是我的")
    with pytest.raises(PermissionDenied):
        reports.reports_close(reports=[other], user=outsider, outcome=ReportStatus.DISMISSED, note="无权")
    assert ErrorReport.objects.get(pk=other.pk).status == ReportStatus.OPEN


def test_the_admin_action_closes_with_the_note_typed_beside_it(client, chief, two_papers):
    own, _ = two_papers
    client.force_login(chief)
    url = reverse("admin:articles_errorreport_changelist")
    client.post(url, {"action": "mark_dismissed", "_selected_action": [own.pk], "note": ""})
    assert ErrorReport.objects.get(pk=own.pk).status == ReportStatus.OPEN
    client.post(url, {"action": "mark_dismissed", "_selected_action": [own.pk], "note": "核对原报，无误"})
    assert ErrorReport.objects.get(pk=own.pk).note == "核对原报，无误"


def test_readers_reports_cannot_be_added_or_deleted_in_the_admin(client, two_papers):
    admin = User.objects.create_superuser("root", password="pw-Ab3456789")
    client.force_login(admin)
    assert client.get(reverse("admin:articles_errorreport_add")).status_code == 403
    assert client.get(reverse("admin:articles_errorreport_delete", args=[two_papers[0].pk])).status_code == 403


def test_both_roles_may_read_and_close_reports():
    for name in ("编辑", "主编"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"view_errorreport", "change_errorreport"} <= codenames
