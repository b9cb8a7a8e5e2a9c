from axes import apps as axes_apps
from django.contrib.admin.apps import AdminConfig
from django_tasks_db.apps import TasksAppConfig


class NewsroomAdminConfig(AdminConfig):
    """django.contrib.admin with the project's site as the default `admin.site`."""

    default_site = "newsroom.admin.NewsroomAdminSite"


class AxesConfig(axes_apps.AppConfig):
    """django-axes (login lock-out) under a Chinese name in the admin; its own strings are
    translated in locale/ (the package ships no Chinese)."""

    verbose_name = "登录防护"


class TasksDatabaseConfig(TasksAppConfig):
    """The task queue's results under a Chinese name in the admin (translated in locale/)."""

    verbose_name = "后台任务"
