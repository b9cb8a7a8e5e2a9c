"""Archive-wide corrections: preview every hit, replace the chosen ones, undo exactly."""

import pytest
from django.urls import reverse

from articles.models import Correction
from articles.services import corrections, revisions, workflow

from ..factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(db):
    return [
        make_article(title="下明远出席会议", body="镇党委书记下明远主持会议。下明远指出，要做好防汛。"),
        make_article(status="draft", published_at=None, body="会上，下明远作了讲话。", captions=["下明远在会上讲话"]),
        make_article(body="天下明远山高水长。"),  # the string is there, but it is no name
    ]


def test_every_hit_is_previewed_in_context(client, chief, archive):
    client.force_login(chief)
    page = client.get(reverse("admin:articles_correction_find"), {"find": "下明远", "replace": "杜明远"}).content.decode()
    assert "共 6 处" in page
    assert "<mark>下明远</mark>" in page and "天<mark>下明远</mark>山高水长" in page


def test_only_the_chosen_hits_are_replaced_and_each_change_is_in_history(client, chief, archive):
    hits = [h for h in corrections.correction_find(find="下明远") if "山高" not in h.after]
    client.force_login(chief)
    client.post(reverse("admin:articles_correction_find"),
                {"find": "下明远", "replace": "杜明远", "hit": [h.key for h in hits], "apply": "1"})
    first, second, third = (a.__class__.objects.get(pk=a.pk) for a in archive)
    assert first.title == "杜明远出席会议" and first.body == "镇党委书记杜明远主持会议。杜明远指出，要做好防汛。"
    assert second.body == "会上，杜明远作了讲话。" and second.captions == ["杜明远在会上讲话"]
    assert third.body == "天下明远山高水长。"
    assert first.history.first().history_change_reason == "全档案更正：下明远→杜明远"
    assert Correction.objects.get().hits.count() == 5


def test_undo_puts_back_exactly_what_was_replaced_even_after_other_edits(chief, editor, archive):
    hits = [h for h in corrections.correction_find(find="下明远") if "山高" not in h.after]
    correction = corrections.correction_apply(find="下明远", replace="杜明远", keys=[h.key for h in hits], user=chief)
    first = archive[0].__class__.objects.get(pk=archive[0].pk)
    # An editor edits after the correction: text added at the end must survive the undo.
    workflow.article_update(article=first, user=editor, expected_version=first.version,
                            data={"body": first.body + "杜明远还慰问了值守人员。"})
    revisions.revision_publish(revision=first.revisions.get(), user=chief)  # the article is live
    undone, missing = corrections.correction_undo(correction=correction, user=chief)
    assert (undone, missing) == (5, 0)
    first.refresh_from_db()
    assert first.body == "镇党委书记下明远主持会议。下明远指出，要做好防汛。杜明远还慰问了值守人员。"
    assert first.title == "下明远出席会议"
    correction.refresh_from_db()
    assert correction.undone_at is not None


def test_a_hit_changed_since_the_correction_is_reported_not_clobbered(chief, editor, archive):
    hits = corrections.correction_find(find="下明远")
    second = next(h for h in hits if h.field == "body" and h.article_id == archive[1].pk)
    correction = corrections.correction_apply(find="下明远", replace="杜明远", keys=[second.key], user=chief)
    article = archive[1].__class__.objects.get(pk=archive[1].pk)
    workflow.article_update(article=article, user=editor, expected_version=article.version,
                            data={"body": "会上，杜副镇长作了讲话。"})
    assert corrections.correction_undo(correction=correction, user=chief) == (0, 1)
    article.refresh_from_db()
    assert article.body == "会上，杜副镇长作了讲话。"


def test_keys_and_text_a_form_may_send_but_no_search_gave_are_refused_with_a_message(chief, archive):
    from django.core.exceptions import ValidationError

    [hit, *_] = corrections.correction_find(find="下明远")
    pk = hit.article_id
    for key in [f"{pk}|nofield|0", f"{pk}|caption:x|0", f"{pk}|caption:99|0", f"{pk}|title|-5", "0|title|0",
                f"{10**20}|title|0", "987654|title|0", "x|y", f"{pk}|body|99999"]:
        with pytest.raises(ValidationError):
            corrections.correction_apply(find="下明远", replace="杜明远", keys=[key], user=chief)
    assert corrections.correction_find(find="下明\x00远") == []
    with pytest.raises(ValidationError):
        corrections.correction_apply(find="下明远", replace="杜\x00明远", keys=[hit.key], user=chief)
    assert not Correction.objects.exists()
