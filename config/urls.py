from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("bondgenoot.core.urls")),
    path("account/", include("bondgenoot.accounts.urls")),
    path("", include("bondgenoot.people.urls")),
    path("bondgenootschappen/", include("bondgenoot.alliances.urls")),
    path("verhalen/", include("bondgenoot.stories.urls")),
    path("zoeken/", include("bondgenoot.matching.urls")),
    path("bijeenkomsten/", include("bondgenoot.gatherings.urls")),
    path("", include("bondgenoot.audit.urls")),
    path("", include("bondgenoot.privacy.urls")),
    path("", include("bondgenoot.api.urls")),
    path("", include("bondgenoot.transfer.urls")),
    path("", include("bondgenoot.money.urls")),
    path("", include("bondgenoot.reports.urls")),
    path("", include("bondgenoot.reflection.urls")),
    path("taal/", login_not_required(set_language), name="set_language"),
    path("beheer/", admin.site.urls),
]

handler403 = "bondgenoot.core.views.permission_denied"
handler404 = "bondgenoot.core.views.page_not_found"
