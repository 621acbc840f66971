from django.urls import path

from . import views

app_name = "reflection"

urlpatterns = [
    # De spiegel: the team mirror on the schema rationeel → relationeel werken
    path("spiegel/", views.team_list, name="team_list"),
    path("spiegel/nieuw/", views.team_create, name="team_create"),
    path(
        "spiegel/nieuw/organisatie/",
        views.team_create_for_organisation,
        name="team_create_for_organisation",
    ),
    path("spiegel/teams/<int:pk>/", views.team_detail, name="team_detail"),
    path("spiegel/teams/<int:pk>/verlaten/", views.team_leave, name="team_leave"),
    path("spiegel/teams/<int:pk>/ronde/", views.round_open, name="round_open"),
    path("spiegel/rondes/<int:pk>/", views.round_detail, name="round_detail"),
    path("spiegel/rondes/<int:pk>/invullen/", views.round_fill, name="round_fill"),
    path("spiegel/rondes/<int:pk>/sluiten/", views.round_close, name="round_close"),
    path("spiegel/rondes/<int:pk>/delen/", views.round_share, name="round_share"),
    # Intervisie: a situation from practice, questions, advice, what I take from it
    path("intervisie/", views.case_list, name="case_list"),
    path("intervisie/nieuw/", views.case_create, name="case_create"),
    path("intervisie/<int:pk>/", views.case_detail, name="case_detail"),
    path("intervisie/<int:pk>/reageren/", views.case_respond, name="case_respond"),
    path("intervisie/<int:pk>/volgende-stap/", views.case_move_on, name="case_move_on"),
    path("intervisie/<int:pk>/wat-neem-ik-mee/", views.case_takeaway, name="case_takeaway"),
]
