"""The 400 page in Chinese. A bad request is often a forged Host header: nothing here may ask the
request for its host (a template and its context would), so the page is fixed text."""

from django.http import HttpResponseBadRequest
from django.templatetags.static import static

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>请求有误</title><link rel="stylesheet" href="{css}"></head>
<body><main id="main" class="wrap"><h1>请求有误</h1><p>这个网址或提交的内容无法处理，请检查后重试。</p>
<p><a href="/">回到首页</a></p></main></body></html>
"""


def bad_request(request, exception=None):
    return HttpResponseBadRequest(PAGE.format(css=static("newsroom/site.css")))
