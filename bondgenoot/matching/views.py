from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from bondgenoot.core.views_helpers import require_person

from .forms import AllySearchForm
from .search import search_allies


@require_http_methods(["GET"])
def ally_search(request: HttpRequest) -> HttpResponse:
    """Bondgenoot zoeken: a question in plain words, people and initiatives whose words fit."""
    viewer = require_person(request)
    form = AllySearchForm(request.GET or None, own_neighbourhood=viewer.neighbourhood)
    result = None
    if form.is_bound and form.is_valid():
        result = search_allies(
            viewer=viewer,
            text=form.cleaned_data["q"],
            neighbourhood=form.cleaned_data["wijk"] or None,
        )
    return render(request, "matching/search.html", {"form": form, "result": result})
