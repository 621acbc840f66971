from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="list"),
    path("vertellen/", views.story_tell, name="tell"),
    path("vertellen/bondgenootschap/<int:pk>/", views.story_tell_alliance, name="tell_alliance"),
    path(
        "vertellen/organisatie/<int:pk>/",
        views.story_tell_organisation,
        name="tell_organisation",
    ),
    path("opschrijven/", views.story_write_down, name="write_down"),
    path(
        "opschrijven/bondgenootschap/<int:pk>/",
        views.story_write_down_alliance,
        name="write_down_alliance",
    ),
    path(
        "opschrijven/organisatie/<int:pk>/",
        views.story_write_down_organisation,
        name="write_down_organisation",
    ),
    path("<int:pk>/", views.story_detail, name="detail"),
    path("<int:pk>/bevestigen/", views.story_confirm, name="confirm"),
    path("<int:pk>/niet-mijn-verhaal/", views.story_decline, name="decline"),
    path("<int:pk>/gebruik/", views.story_use, name="use"),
    path("organisatie/<int:pk>/domeinen/", views.domain_list, name="domains"),
    path("organisatie/<int:pk>/domeinen/<int:domain_pk>/", views.domain_edit, name="domain_edit"),
    path(
        "organisatie/<int:pk>/domeinen/<int:domain_pk>/verplaatsen/",
        views.domain_move,
        name="domain_move",
    ),
    path(
        "organisatie/<int:pk>/domeinen/<int:domain_pk>/verwijderen/",
        views.domain_remove,
        name="domain_remove",
    ),
    path("organisatie/<int:pk>/rondes/", views.round_list, name="rounds"),
    path("organisatie/<int:pk>/rondes/nieuw/", views.round_open, name="round_open"),
    path("rondes/<int:pk>/", views.round_detail, name="round"),
    path(
        "rondes/<int:pk>/domeinen/<int:domain_pk>/kiezen/",
        views.round_choose,
        name="round_choose",
    ),
    path("rondes/<int:pk>/sluiten/", views.round_close, name="round_close"),
    path("rondes/<int:pk>/verhalen/<int:story_pk>/notitie/", views.round_note, name="round_note"),
]
