from django.db import migrations

EDITOR = "编辑"
CHIEF = "主编"

# (app label, model, actions): what an editor may do. The chief editor may do all of it and more.
EDITOR_PERMISSIONS = [
    ("articles", "issue", ["view", "add", "change"]),
    ("articles", "article", ["view", "add", "change"]),
    ("articles", "articlewarning", ["view", "change"]),
    ("articles", "tagsuggestion", ["view", "change"]),
    ("articles", "vocabularyword", ["view", "add", "change"]),
    ("articles", "person", ["view", "change"]),
    ("articles", "mention", ["view"]),
    ("articles", "tag", ["view", "add", "change"]),
    ("articles", "articletransition", ["view"]),
    ("articles", "publication", ["view"]),
    ("articles", "importupload", ["view", "add"]),
]
CHIEF_EXTRA = [
    ("articles", "article", ["delete", "publish_article", "correct_archive"]),
    ("articles", "issue", ["delete"]),
    ("articles", "publication", ["add", "change"]),
    ("articles", "vocabularyword", ["delete"]),
    ("articles", "tag", ["delete"]),
    ("articles", "correction", ["view"]),
]


def _codenames(spec):
    for app, model, actions in spec:
        for action in actions:
            yield app, action if "_" in action else f"{action}_{model}"


def create_roles(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; the roles need them now.
    for config in global_apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(spec):
        found = []
        for app, codename in _codenames(spec):
            found.append(Permission.objects.get(content_type__app_label=app, codename=codename))
        return found

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(permissions(EDITOR_PERMISSIONS))
    chief, _ = Group.objects.get_or_create(name=CHIEF)
    chief.permissions.set(permissions(EDITOR_PERMISSIONS + CHIEF_EXTRA))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, CHIEF]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_workflow_and_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
