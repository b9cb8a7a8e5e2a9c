"""Error pages and the answer given to a client over its rate limit."""

from django.http import JsonResponse
from django.shortcuts import render


def ratelimited(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "请求过于频繁，请稍后再试"}, status=429, json_dumps_params={"ensure_ascii": False})
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
