"""The issue desk and archive-wide corrections: admin views over the workflow services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from .. import bodytext, textdiff
from ..models import Article, ArticleStatus, ArticleWarning, Correction, DeskOperation, Issue, Publication
from ..services import corrections, desks, operations, repair, workflow

User = get_user_model()


def _overlaid(article, user):
    from .articles import _overlaid as overlaid

    return overlaid(article, user)


def _datetime(value: str | None):
    if not value:
        return None
    try:
        return timezone.make_aware(timezone.datetime.fromisoformat(value))
    except ValueError as exc:
        raise ValidationError("时间格式不对") from exc


def issue_desk_view(admin_site, request, pk):
    """An issue's articles in print order: state, warnings, reorder, merge, split, publish."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    issue = get_object_or_404(desks.scope(request.user, Issue.objects.select_related("publication"), "publication"),
                              pk=pk)
    if request.method == "POST":
        if request.POST.get("action") == "merge" and not request.POST.get("confirm"):
            try:
                return _merge_confirmation(admin_site, request, issue)
            except ValidationError as exc:
                messages.error(request, "；".join(exc.messages))
                return HttpResponseRedirect(reverse("admin:articles_issue_desk", args=[issue.pk]))
        try:
            _desk_action(request, issue)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        return HttpResponseRedirect(reverse("admin:articles_issue_desk", args=[issue.pk]))
    articles = list(issue.articles.exclude(status=ArticleStatus.MERGED).order_by("position", "pk").annotate(
        open_warnings=Count("import_warnings", filter=Q(import_warnings__resolved_at__isnull=True)))
        .prefetch_related(Prefetch("import_warnings", queryset=ArticleWarning.objects.filter(resolved_at__isnull=True),
                                   to_attr="open_warning_list")))
    held_back = [a for a in articles if a.status in (ArticleStatus.DRAFT, ArticleStatus.REVIEW) and a.open_warnings]
    return render(request, "admin/articles/issue/desk.html", {
        **admin_site.each_context(request), "title": f"本期编排：{issue}", "issue": issue, "articles": articles,
        "opts": Issue._meta, "can_publish": request.user.has_perm(workflow.PUBLISH),
        "can_change": request.user.has_perm(workflow.CHANGE), "held_back": held_back,
        "operations": DeskOperation.objects.filter(issue=issue).select_related("user", "undone_by")[:10],
    })


def _merge_confirmation(admin_site, request, issue: Issue):
    """Before a merge: what the first article's text becomes, and that it can be undone."""
    first = _issue_article(issue, request.POST.get("article"))
    second = _issue_article(issue, request.POST.get("other"))
    preview = workflow.merge_preview(first=first, second=second, user=request.user)
    return render(request, "admin/articles/issue/merge_confirm.html", {
        **admin_site.each_context(request), "title": f"确认合并：把《{second.title}》并入《{first.title}》",
        "issue": issue, "first": first, "second": second, "preview": preview, "opts": Issue._meta,
        "diff": textdiff.text_diff(preview["body_before"], preview["body_after"]),
    })


def operation_undo_view(admin_site, request, pk):
    """Undo a merge, split, restore or repair exactly, after showing what it will put back."""
    workflow.require(request.user, workflow.CHANGE)
    operation = get_object_or_404(desks.scope(request.user, DeskOperation.objects.all(), "issue__publication"), pk=pk)
    if request.method == "POST":
        try:
            operations.operation_undo(operation=operation, user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"已撤销：{operation.label}")
        if operation.issue_id:
            return HttpResponseRedirect(reverse("admin:articles_issue_desk", args=[operation.issue_id]))
        return HttpResponseRedirect(reverse("admin:index"))
    changes = []
    for key, before in operations._articles(operation.before).items():
        after = operation.after.get(key, {})
        if before["body"] != after.get("body") or before["title"] != after.get("title") \
                or before["status"] != after.get("status"):
            changes.append((after.get("title") or before["title"], textdiff.text_diff(after.get("body", ""), before["body"])))
    created = [operation.after.get(str(pk), {}).get("title", "") for pk in operation.created]
    return render(request, "admin/articles/issue/undo_confirm.html", {
        **admin_site.each_context(request), "title": f"撤销：{operation.label}", "operation": operation,
        "changes": changes, "created": created, "blockers": operations.undo_blockers(operation),
        "opts": Issue._meta,
    })


def _desk_action(request, issue: Issue) -> None:
    action = request.POST.get("action")
    user = request.user
    if action in {"up", "down"}:
        article = _issue_article(issue, request.POST.get("article"))
        workflow.article_move(article=article, offset=-1 if action == "up" else 1, user=user)
    elif action == "merge":
        first = _issue_article(issue, request.POST.get("article"))
        second = _issue_article(issue, request.POST.get("other"))
        merged = workflow.article_merge(first=first, second=second, user=user)
        undo = reverse("admin:articles_deskoperation_undo", args=[merged.operation.pk])
        messages.success(request, format_html('已把《{}》并入《{}》{}。<a href="{}">撤销这次合并</a>', second.title,
                                              first.title, "（待主编审核）" if workflow.goes_to_review(first, user) else "",
                                              undo))
    elif action == "publish":
        done, skipped = workflow.issue_publish(issue=issue, user=user, publish_at=_datetime(request.POST.get("publish_at")))
        messages.success(request, f"本期已发布或定时发布 {done} 篇文章")
        if skipped:  # the chief must not read "done" while some were left out
            messages.warning(request, f"以下 {len(skipped)} 篇文章暂未发布：{'；'.join(skipped)}")
    else:
        raise ValidationError("未知操作")


def _issue_article(issue: Issue, value: str | None) -> Article:
    """The article of this issue a desk form names (a malformed id is the editor's mistake)."""
    if not (value and value.isascii() and value.isdigit()):
        raise ValidationError("请选择本期的一篇文章")
    return get_object_or_404(Article, pk=int(value), issue=issue)


def correction_view(admin_site, request):
    """Find a string across the archive, preview every hit, replace the chosen ones."""
    workflow.require(request.user, corrections.PERMISSION)
    find = (request.POST.get("find") or request.GET.get("find") or "").strip()
    replace = request.POST.get("replace", request.GET.get("replace", ""))
    if request.method == "POST" and request.POST.get("apply"):
        try:
            done = corrections.correction_apply(find=find, replace=replace, keys=request.POST.getlist("hit"),
                                                user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"已在 {done.hits.count()} 处把“{find}”改为“{replace}”，可随时撤销")
            return HttpResponseRedirect(reverse("admin:articles_correction_changelist"))
    hits = corrections.correction_find(find=find, user=request.user) if find else []
    return render(request, "admin/articles/correction/find.html", {
        **admin_site.each_context(request), "title": "全档案查找替换", "find": find, "replace": replace, "hits": hits,
        "opts": Correction._meta,
    })


def correction_undo_view(admin_site, request, pk):
    workflow.require(request.user, corrections.PERMISSION)
    correction = get_object_or_404(desks.scope(request.user, Correction.objects.all(),
                                               "hits__article__issue__publication").distinct(), pk=pk)
    if request.method != "POST":
        return render(request, "admin/articles/correction/undo.html", {
            **admin_site.each_context(request), "title": "撤销更正", "correction": correction,
            "hits": correction.hits.select_related("article"), "opts": Correction._meta,
        })
    if request.method == "POST":
        try:
            undone, missing = corrections.correction_undo(correction=correction, user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            text = f"已撤销 {undone} 处"
            if missing:
                text += f"；{missing} 处此后已被改动，未撤销"
            messages.success(request, text)
    return HttpResponseRedirect(reverse("admin:articles_correction_changelist"))


def paper_staff_view(admin_site, request, pk):
    """A paper's desk: who works on it. A superuser assigns chiefs, a chief editors of their papers."""
    paper = get_object_or_404(desks.scope(request.user, Publication.objects.all(), "pk"), pk=pk)
    roles = desks.assignable_roles(request.user, paper)
    if request.method == "POST":
        member = get_object_or_404(User, pk=_int(request.POST.get("member")))
        try:
            desks.paper_assign(publication=paper, member=member, user=request.user,
                               remove=request.POST.get("action") == "remove")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"已更新《{paper.name}》编辑部成员")
        return HttpResponseRedirect(reverse("admin:articles_publication_staff", args=[paper.pk]))
    members = [(m, desks.role_of(m)) for m in desks.desk_members(paper)]
    candidates = (User.objects.filter(is_active=True, groups__name__in=roles).exclude(papers=paper)
                  .distinct().order_by("username")) if roles else User.objects.none()
    return render(request, "admin/articles/publication/staff.html", {
        **admin_site.each_context(request), "title": f"编辑部成员：{paper.name}", "paper": paper,
        "members": members, "candidates": candidates, "roles": roles, "opts": Publication._meta,
    })


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def repair_view(admin_site, request, pk, article_pk):
    """Repairing a bad split: cuts (a paragraph or caption as headline), moves, leftover text."""
    workflow.require(request.user, workflow.CHANGE)
    issue = get_object_or_404(desks.scope(request.user, Issue.objects.all(), "publication"), pk=pk)
    article = _issue_article(issue, str(article_pk))
    workflow.require_article(request.user, article)
    if request.method == "POST":
        try:
            op = _repair_action(request, issue, article)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            undo = reverse("admin:articles_deskoperation_undo", args=[op.pk])
            messages.success(request, format_html('已完成：{}。<a href="{}">撤销</a>', op.label, undo))
        return HttpResponseRedirect(reverse("admin:articles_issue_repair", args=[issue.pk, article.pk]))
    shown = _overlaid(article, request.user)
    others = list(workflow._in_print(issue).exclude(pk=article.pk))
    return render(request, "admin/articles/issue/repair.html", {
        **admin_site.each_context(request), "title": f"修补拆分：{shown.title}", "issue": issue, "article": shown,
        "blocks": list(enumerate(bodytext.parse_body(shown.body))), "captions": list(enumerate(shown.captions)),
        "others": others, "leftovers": list(enumerate(issue.leftovers)), "opts": Issue._meta,
    })


def _repair_action(request, issue, article):
    post, user = request.POST, request.user
    action = post.get("action")
    if action == "cuts":
        cuts = []
        for value in post.getlist("cut"):
            at = _int(value)
            caption = post.get(f"caption-{at}", "")
            cuts.append(repair.Cut(at=at, title=post.get(f"title-{at}", ""),
                                   caption=_int(caption) if caption != "" else None))
        return repair.article_cuts(article=article, cuts=cuts, user=user)
    if action in {"move-block", "move-caption"}:
        target = _issue_article(issue, post.get("target"))
        where = post.get("where")
        kind = {"block": _int(post.get("block"))} if action == "move-block" else {"caption": _int(post.get("caption"))}
        return repair.block_move(source=article, target=target, user=user, position=0 if where == "start" else None,
                                 **kind)
    if action == "leftover":
        return repair.leftover_attach(issue=issue, index=_int(post.get("leftover")), target=article, user=user,
                                      position=_int(post.get("position")) if post.get("position") else None)
    raise ValidationError("未知操作")
