from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from bondgenoot.core.views_helpers import page_number, require_person

from . import selectors


@require_http_methods(["GET"])
def my_access_log(request: HttpRequest) -> HttpResponse:
    """ "Wie keek er mee": only ever the records about the person who is logged in."""
    person = require_person(request)
    page = selectors.access_log_page(person, page=page_number(request))
    return render(request, "audit/my_access_log.html", {"page": page, "person": person})
