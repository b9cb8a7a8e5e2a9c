from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """django.contrib.admin with the project's site as the default `admin.site`."""

    default_site = "newsroom.admin.NewsroomAdminSite"
