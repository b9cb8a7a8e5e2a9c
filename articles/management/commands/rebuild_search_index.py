from django.core.management.base import BaseCommand

from ...search import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from the published articles (after a restore or a bulk load)."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"已为 {count} 篇已发布文章重建搜索索引")
