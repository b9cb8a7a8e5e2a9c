"""Hostile input: random and mangled files, nasty parameters, markup in articles, brute force."""

import random
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.importer import ParsedIssue, SourceError, parse_issue
from articles.models import Article, Issue

from ..factories import make_article, make_issue

DEMOS = sorted((Path(settings.BASE_DIR) / "articles" / "demo_issues").glob("*.txt"))
DEMO_TEXTS = [p.read_bytes() for p in DEMOS]  # in their own encodings (UTF-8, GB18030, UTF-16)


def parses_or_refuses(data: bytes) -> None:
    try:
        result = parse_issue(data, source="fuzz.txt")
    except SourceError as exc:
        assert exc.message and exc.reason
        return
    assert isinstance(result, ParsedIssue) and result.articles
    result.to_json()


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_never_crash_the_importer(data):
    parses_or_refuses(data)


@st.composite
def mangled_issue(draw):
    """A real issue's bytes with pieces cut, doubled, swapped or replaced, in any encoding."""
    text = ""
    source = draw(st.sampled_from(DEMO_TEXTS))
    for encoding in ("utf-8", "utf-16", "gb18030"):
        try:
            text = source.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 12))):
        i, j = sorted(rng.randrange(0, len(text) + 1) for _ in range(2))
        op = rng.choice(["cut", "double", "insert", "newlines", "markup"])
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "double":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.text(max_size=30)) + text[i:]
        elif op == "newlines":
            text = text[:i] + "\n" * rng.randint(1, 6) + text[i:]
        else:
            text = text[:i] + rng.choice(["# ", "## ", "### ", "■", "━━", "  \n"]) + text[i:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
    return text.encode(encoding, "replace")


@hypothesis_settings(max_examples=200, deadline=None)
@given(mangled_issue())
def test_mangled_issues_never_crash_the_importer(data):
    parses_or_refuses(data)


@pytest.mark.django_db
@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mangled_issue())
def test_a_mangled_issue_is_written_whole_or_not_at_all(data):
    from articles.services.batch import import_sources
    from articles.services.importing import Source

    before = Issue.objects.count(), Article.objects.count()
    outcome = import_sources([Source("fuzz.txt", data)])
    issues, articles = Issue.objects.count() - before[0], Article.objects.count() - before[1]
    if outcome.imported:
        result = outcome.imported[0]
        assert issues == 1 and articles == result.articles == len(outcome.parsed[0].articles)
    else:
        assert (issues, articles) == (0, 0)
        assert outcome.failed or outcome.skipped


NASTY = [
    "' OR 1=1 --", '"><script>alert(1)</script>', "%", "_", "\\", "%00", "\x00abc", "镇\x00",
    "9" * 400, "-1", "0", "1e309", "NaN", "../../etc/passwd", "\u202e", "\ufffd", "𠮷𠮷",
    "a" * 5000, "SELECT * FROM auth_user", "${jndi:ldap://x}",  # raw bad bytes: see the next test
]
PARAMS = ["q", "page", "page_size", "paper", "tag", "person", "year", "date_from", "date_to"]
URLS = ["search", "api-articles", "api-issues", "api-papers", "home", "tag-index"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", URLS)
def test_every_public_parameter_survives_nasty_values(client, name):
    make_article(make_issue(), title="青枫镇召开会议", body="镇党委书记杜明远出席。")
    url = reverse(name)
    for param in PARAMS:
        for value in NASTY:
            response = client.get(url, {param: value})
            assert response.status_code < 500, (url, param, repr(value)[:40], response.status_code)


@pytest.mark.django_db
def test_invalid_utf8_and_raw_nul_in_the_query_string_are_answered_not_crashed(client):
    make_article(title="青枫镇召开会议")
    for query in ["q=%FF%FE%FD", "q=%ED%A0%80", "q=%00%00", "paper=%C0%AF", "q=%E9%95", "page=%FF"]:
        for path in ["/search/", "/api/articles/"]:
            assert client.get(f"{path}?{query}").status_code < 500, (path, query)


@pytest.mark.django_db
def test_markup_in_an_article_is_shown_as_text_everywhere(client):
    article = make_article(title="<b>标题</b><script>alert('t')</script>",
                           body="正文<img src=x onerror=alert(1)>结束。\n\n<script>alert('b')</script>",
                           captions=["<i>说明</i>"], column="<em>栏目</em>", subtitle="<s>副题</s>")
    article.tags.add("<u>标签</u>")
    for url in [article.get_absolute_url(), reverse("search") + "?q=正文", reverse("home"), article.issue.get_absolute_url(),
                reverse("feed")]:
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>标题</b>" not in page, url
        assert "<u>标签</u>" not in page and "<em>栏目</em>" not in page and "<s>副题</s>" not in page, url
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&#x27;b&#x27;)&lt;/script&gt;" in page
    assert client.get(reverse("api-article", args=[article.pk])).json()["title"] == article.title


@pytest.mark.django_db
def test_security_headers_and_a_content_security_policy_are_sent(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_admin_logins_are_locked_out_after_repeated_failures(client, settings):
    from django.contrib.auth.models import User

    User.objects.create_user("editor", password="right-Password-123", is_staff=True)
    codes = [client.post("/admin/login/", {"username": "editor", "password": "wrong"}).status_code
             for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert codes == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]  # the form again, then locked
    locked = client.post("/admin/login/", {"username": "editor", "password": "right-Password-123"})
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert "登录失败次数过多" in locked.content.decode()


@pytest.mark.django_db
def test_search_and_the_api_are_rate_limited_per_client(client, settings):
    settings.RATELIMIT_SEARCH = "5/m"
    settings.RATELIMIT_API = "5/m"
    make_article(title="青枫镇召开会议")
    codes = [client.get(reverse("search"), {"q": f"镇{i}"}, REMOTE_ADDR="10.0.0.1").status_code for i in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    assert client.get(reverse("search"), {"q": "镇"}, REMOTE_ADDR="10.0.0.2").status_code == 200
    api = [client.get(reverse("api-articles"), REMOTE_ADDR="10.0.0.3") for _ in range(6)]
    assert api[-1].status_code == 429 and "error" in api[-1].json()
