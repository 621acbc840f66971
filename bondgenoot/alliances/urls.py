from django.urls import path

from . import views

app_name = "alliances"

urlpatterns = [
    path("", views.alliance_list, name="list"),
    path("nieuw/", views.alliance_start, name="start"),
    path("<int:pk>/", views.alliance_detail, name="detail"),
    path("<int:pk>/bewerken/", views.alliance_edit, name="edit"),
    path("<int:pk>/deelnemers/<int:party_pk>/rol/", views.party_role, name="party_role"),
    path("<int:pk>/deelnemers/<int:party_pk>/verlaten/", views.party_leave, name="party_leave"),
    path(
        "<int:pk>/deelnemers/<int:party_pk>/verwijderen/", views.party_remove, name="party_remove"
    ),
    path("<int:pk>/organisatie/", views.organisation_join, name="organisation_join"),
    path("<int:pk>/uitnodigen/", views.invite, name="invite"),
    path(
        "<int:pk>/uitnodigingen/<int:invitation_pk>/intrekken/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("uitnodiging/<str:secret>/", views.invitation, name="invitation"),
    path("uitnodigingen/<int:invitation_pk>/", views.invitation_for_me, name="invitation_by_id"),
    path("<int:pk>/logboek/nieuw/", views.journal_entry_add, name="journal_entry_add"),
    path("<int:pk>/logboek/<int:entry_pk>/", views.journal_entry_detail, name="journal_entry"),
    path(
        "<int:pk>/logboek/<int:entry_pk>/bewerken/",
        views.journal_entry_edit,
        name="journal_entry_edit",
    ),
    path(
        "<int:pk>/logboek/<int:entry_pk>/mijlpaal/",
        views.journal_entry_milestone,
        name="journal_entry_milestone",
    ),
    path(
        "<int:pk>/logboek/<int:entry_pk>/verwijderen/",
        views.journal_entry_delete,
        name="journal_entry_delete",
    ),
    path("<int:pk>/wederkerigheid/", views.contribution_list, name="contributions"),
    path("<int:pk>/wederkerigheid/nieuw/", views.contribution_add, name="contribution_add"),
    path(
        "<int:pk>/wederkerigheid/<int:contribution_pk>/verwijderen/",
        views.contribution_delete,
        name="contribution_delete",
    ),
]
