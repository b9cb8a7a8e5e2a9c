"""Keep what is derived from articles in step with them, whichever path changed them."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from .models import (
    Article,
    ArticlePhoto,
    ArticleWarning,
    Issue,
    IssuePage,
    Person,
    Publication,
    Tag,
    TaggedArticle,
    VocabularyWord,
)


def _publicly_visible_change(instance: Article) -> bool:
    """Did this save change what the public may see? (It did if the article is or was published.)"""
    from .models import ArticleStatus, SearchEntry

    return instance.status == ArticleStatus.PUBLISHED or SearchEntry.objects.filter(pk=instance.pk).exists()


@receiver(post_save, sender=Article, dispatch_uid="article-search-index")
def article_saved(sender, instance: Article, raw=False, **kwargs):
    if raw:
        return
    from .caching import bump_content_version
    from .search import index_articles
    from .services.related import refresh_related

    visible = _publicly_visible_change(instance)
    if visible:
        bump_content_version()
    index_articles([instance])
    if visible:
        refresh_related(articles=[instance])


@receiver(pre_delete, sender=Article, dispatch_uid="article-search-unindex")
def article_deleting(sender, instance: Article, **kwargs):
    from .caching import bump_content_version
    from .search import unindex_article

    if _publicly_visible_change(instance):
        bump_content_version()
    unindex_article(instance.pk)


@receiver(post_save, sender=TaggedArticle, dispatch_uid="tagging-public-pages")
@receiver(pre_delete, sender=TaggedArticle, dispatch_uid="untagging-public-pages")
def tags_changed(sender, instance: TaggedArticle, **kwargs):
    from .caching import bump_content_version
    from .models import ArticleStatus

    if Article.objects.filter(pk=instance.content_object_id, status=ArticleStatus.PUBLISHED).exists():
        bump_content_version()


@receiver(post_save, sender=TaggedArticle, dispatch_uid="tagging-related-articles")
@receiver(pre_delete, sender=TaggedArticle, dispatch_uid="untagging-related-articles")
def tags_changed_relations(sender, instance: TaggedArticle, raw=False, signal=None, **kwargs):
    """A tag added: the article's related articles follow. A tag being removed is still there
    when this runs, so the list is dropped and computed afresh when next read."""
    if raw:
        return
    from .models import ArticleStatus
    from .services.related import forget_related, refresh_related

    if signal is pre_delete:
        forget_related(article_id=instance.content_object_id)
        return
    article = Article.objects.filter(pk=instance.content_object_id, status=ArticleStatus.PUBLISHED).first()
    if article is not None:
        refresh_related(articles=[article])


@receiver(post_save, sender=TaggedArticle, dispatch_uid="tag-chosen-is-a-topic")
def tag_chosen(sender, instance: TaggedArticle, created=False, raw=False, **kwargs):
    """A tag an editor put on an article, however it was put there, is a topic of the archive."""
    if created and not raw:
        from .services.topics import learn_topic

        learn_topic(instance.tag.name)


@receiver(post_save, sender=Issue, dispatch_uid="issue-date-to-articles")
def issue_saved(sender, instance: Issue, created=False, raw=False, **kwargs):
    """An issue edited: its articles' copy of the date follows its date, and public pages follow
    whatever the public sees of it (date, number, pages)."""
    if raw or created:
        return
    from .caching import bump_content_version
    from .models import ArticleStatus

    if Article.objects.filter(issue=instance, status=ArticleStatus.PUBLISHED).exists():
        bump_content_version()
    Article.objects.filter(issue=instance).exclude(issue_date=instance.date).update(issue_date=instance.date)


@receiver(post_save, sender=Tag, dispatch_uid="tag-public-pages")
@receiver(pre_delete, sender=Tag, dispatch_uid="tag-deleting-public-pages")
@receiver(post_save, sender=Person, dispatch_uid="person-public-pages")
@receiver(pre_delete, sender=Person, dispatch_uid="person-deleting-public-pages")
@receiver(post_save, sender=Publication, dispatch_uid="paper-public-pages")
@receiver(pre_delete, sender=Publication, dispatch_uid="paper-deleting-public-pages")
def named_thing_changed(sender, instance, raw=False, **kwargs):
    """A tag renamed or merged away, a person or a paper edited: the pages showing its name are
    stale if the public sees it. Bumped in the transaction of the change (the admin's, or the
    service's), like every article change."""
    if raw:
        return
    from .caching import bump_content_version

    if sender.objects.public().filter(pk=instance.pk).exists():
        bump_content_version()


@receiver(pre_save, sender=VocabularyWord, dispatch_uid="synonym-was")
def synonym_saving(sender, instance: VocabularyWord, raw=False, **kwargs):
    """Note whether the word was a synonym before this save: unlinking one changes searches too."""
    instance._was_synonym = bool(instance.pk) and not raw and VocabularyWord.objects.filter(
        pk=instance.pk, preferred__isnull=False).exists()


@receiver(post_save, sender=VocabularyWord, dispatch_uid="synonym-search-pages")
@receiver(pre_delete, sender=VocabularyWord, dispatch_uid="synonym-deleting-search-pages")
def synonym_changed(sender, instance: VocabularyWord, raw=False, signal=None, **kwargs):
    """A synonym linked, unlinked or deleted: a public search for its words finds other articles
    now (search.variants), so cached search pages are stale."""
    if raw:
        return
    from .caching import bump_content_version

    was = getattr(instance, "_was_synonym", False)
    if instance.preferred_id or was or (signal is pre_delete and instance.synonyms.exists()):
        bump_content_version()


@receiver(post_save, sender=ArticleWarning, dispatch_uid="misread-search-pages")
@receiver(pre_delete, sender=ArticleWarning, dispatch_uid="misread-deleting-search-pages")
def misread_changed(sender, instance: ArticleWarning, raw=False, **kwargs):
    """A misread name recorded on a public article (or dismissed): a search for the right name
    finds the misread too (search.variants)."""
    if raw or instance.code != "suspect-name":
        return
    from .caching import bump_content_version

    if Article.objects.published().filter(pk=instance.article_id).exists():
        bump_content_version()


@receiver(post_delete, sender=IssuePage, dispatch_uid="issue-page-files")
@receiver(post_delete, sender=ArticlePhoto, dispatch_uid="article-photo-files")
def print_files_deleted(sender, instance, **kwargs):
    """A page or photo deleted (its issue replaced or deleted) takes its images with it."""
    from .services.pages import print_files_forget

    names = [instance.thumbnail.name, instance.image.name] if sender is IssuePage else [instance.image.name]
    print_files_forget(names)
