"""The project's URLs plus a trivial view: the ceiling to compare a real page against."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


@login_not_required
def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [
    path("bench/trivial/", trivial, name="bench_trivial"),
    path("", include("config.urls")),
]

handler403 = "bondgenoot.core.views.permission_denied"
handler404 = "bondgenoot.core.views.page_not_found"
