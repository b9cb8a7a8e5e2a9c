from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "社区报编辑部"
admin.site.site_title = "社区报编辑部"
admin.site.index_title = "编辑工作台"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]

# A bad request (often a forged Host) answered in Chinese without asking the request for its host.
handler400 = "newsroom.errors.bad_request"
