from django.db import migrations


def seed(apps, schema_editor):
    from articles.textintel.vocabulary import seed_words

    VocabularyWord = apps.get_model("articles", "VocabularyWord")
    words = seed_words()
    for w in words:
        VocabularyWord.objects.get_or_create(word=w.word, defaults={"kind": w.kind, "source": "seed"})
    for w in words:
        if w.preferred:
            preferred, _ = VocabularyWord.objects.get_or_create(word=w.preferred, defaults={"kind": w.kind, "source": "seed"})
            VocabularyWord.objects.filter(word=w.word).update(preferred=preferred)


def unseed(apps, schema_editor):
    apps.get_model("articles", "VocabularyWord").objects.filter(source="seed").delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_text_intelligence")]
    operations = [migrations.RunPython(seed, unseed)]
