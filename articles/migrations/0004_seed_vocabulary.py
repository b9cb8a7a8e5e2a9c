from django.db import migrations

# A frozen copy of the genre words shipped when this migration was written (word, kind, preferred
# form): a migration must give the same result whatever the application's files say later.
WORDS = [
    ('垃圾分类', 'term', None),
    ('湿垃圾', 'term', None),
    ('干垃圾', 'term', None),
    ('可回收物', 'term', None),
    ('有害垃圾', 'term', None),
    ('定时定点', 'term', None),
    ('加装电梯', 'programme', None),
    ('加梯', 'programme', '加装电梯'),
    ('文明城区', 'term', None),
    ('全国文明城区', 'term', '文明城区'),
    ('创全', 'programme', '文明城区'),
    ('创城', 'programme', '文明城区'),
    ('精神文明建设', 'term', None),
    ('新时代文明实践', 'programme', None),
    ('文明实践', 'programme', '新时代文明实践'),
    ('人大代表', 'term', None),
    ('人大代表之家', 'body', None),
    ('代表之家', 'body', '人大代表之家'),
    ('全过程人民民主', 'term', None),
    ('一网统管', 'programme', None),
    ('一网通办', 'programme', None),
    ('美丽家园', 'programme', None),
    ('美丽街区', 'programme', None),
    ('河长制', 'programme', None),
    ('雨污分流', 'programme', None),
    ('旧区改造', 'programme', None),
    ('城市更新', 'term', None),
    ('社区食堂', 'term', None),
    ('老年助餐', 'term', None),
    ('助餐点', 'term', '老年助餐'),
    ('为老服务', 'term', None),
    ('养老服务', 'term', None),
    ('民生实事', 'term', None),
    ('志愿服务', 'term', None),
    ('志愿者', 'term', None),
    ('疫情防控', 'term', None),
    ('营商环境', 'term', None),
    ('安全生产', 'term', None),
    ('消防安全', 'term', None),
    ('防汛防台', 'term', None),
    ('应急演练', 'term', None),
    ('社区治理', 'term', None),
    ('基层治理', 'term', None),
    ('党群服务中心', 'body', None),
    ('党建引领', 'term', None),
    ('集体经济', 'term', None),
    ('既有多层住宅', 'term', None),
    ('住宅小区', 'term', None),
    ('物业管理', 'term', None),
    ('居民自治', 'term', None),
    ('社区学校', 'body', None),
    ('智能手机', 'term', None),
    ('文化艺术', 'term', None),
    ('非遗', 'term', None),
    ('述职评议', 'term', None),
    ('隐患排查', 'term', None),
    ('专项整治', 'term', None),
    ('环境整治', 'term', None),
]


def seed(apps, schema_editor):
    VocabularyWord = apps.get_model("articles", "VocabularyWord")
    for word, kind, _ in WORDS:
        VocabularyWord.objects.get_or_create(word=word, defaults={"kind": kind, "source": "seed"})
    for word, kind, preferred in WORDS:
        if preferred:
            target, _ = VocabularyWord.objects.get_or_create(word=preferred, defaults={"kind": kind, "source": "seed"})
            VocabularyWord.objects.filter(word=word).update(preferred=target)


def unseed(apps, schema_editor):
    apps.get_model("articles", "VocabularyWord").objects.filter(source="seed").delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_text_intelligence")]
    operations = [migrations.RunPython(seed, unseed)]
