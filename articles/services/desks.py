"""A desk per paper: each editor and chief editor works on the papers they are assigned.

The server enforces it: every admin list, count, search, action, import, correction and
history view asks here. A superuser sees every paper.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ..models import Publication

EDITOR, CHIEF = "编辑", "主编"


def papers_for(user):
    """The papers on this user's desk."""
    if not (user and user.is_authenticated and user.is_active):
        return Publication.objects.none()
    if user.is_superuser:
        return Publication.objects.all()
    return Publication.objects.filter(staff=user)


def articles_for(user, queryset, prefix: str = ""):
    """Rows of `queryset` (articles, or what reaches an article through `prefix`) on the user's desk."""
    return scope(user, queryset, f"{prefix}issue__publication")


def scope(user, queryset, to_paper: str):
    """Rows of `queryset` whose paper (reached through the lookup `to_paper`; "pk" for papers
    themselves) is on the user's desk."""
    if user.is_superuser and user.is_active:
        return queryset
    return queryset.filter(**{f"{to_paper}__in": papers_for(user)})


def user_may_edit(user, article) -> bool:
    return may_work_on(user, article.issue.publication_id)


def may_work_on(user, publication_id: int) -> bool:
    if not (user and user.is_active):
        return False
    return user.is_superuser or papers_for(user).filter(pk=publication_id).exists()


def require_paper(user, publication) -> None:
    if not may_work_on(user, publication.pk):
        raise PermissionDenied("这份报纸不在你的编辑部")


def role_of(user) -> str | None:
    names = set(user.groups.values_list("name", flat=True))
    return CHIEF if CHIEF in names else EDITOR if EDITOR in names else None


def assignable_roles(user, publication) -> set[str]:
    """Which roles this user may assign on this paper: a superuser any, a chief editors of theirs."""
    if user.is_superuser and user.is_active:
        return {EDITOR, CHIEF}
    if role_of(user) == CHIEF and may_work_on(user, publication.pk):
        return {EDITOR}
    return set()


@transaction.atomic
def paper_assign(*, publication: Publication, member, user, remove: bool = False) -> None:
    """Put `member` on (or take them off) the desk of `publication`."""
    role = role_of(member)
    if role is None:
        raise ValidationError(f"{member.get_username()} 既不是编辑也不是主编")
    if role not in assignable_roles(user, publication):
        raise PermissionDenied("主编由管理员指定；主编可以为自己的报纸指定编辑")
    if remove:
        publication.staff.remove(member)
    else:
        publication.staff.add(member)


def desk_members(publication: Publication):
    return publication.staff.order_by("username")


def role_group(name: str) -> Group:
    return Group.objects.get(name=name)


@transaction.atomic
def paper_create(*, user, name: str, town: str, district: str = "") -> Publication:
    """A new paper, made by a chief who chose to (in the import preview); they work on it."""
    from .editing import require

    require(user, "articles.add_publication")
    name, town = name.strip(), town.strip()
    if not (name and town):
        raise ValidationError("新建报纸须填写名称和镇/街道")
    if Publication.objects.filter(name=name).exists():
        raise ValidationError(f"已有名为“{name}”的报纸，请直接选择它")
    paper = Publication.objects.create(name=name, town=town, district=district.strip())
    if not user.is_superuser:
        paper.staff.add(user)
    return paper
