from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("mensen/", views.directory, name="directory"),
    path("mensen/<int:pk>/", views.person_detail, name="person_detail"),
    path("mijn-profiel/", views.profile_edit, name="profile_edit"),
    path("mijn-profiel/papier/", views.profile_paper, name="profile_paper"),
    path("mijn-profiel/papier/leeg/", views.profile_paper_blank, name="profile_paper_blank"),
    path(
        "mensen/<int:pk>/van-papier-intypen/",
        views.profile_paper_entry,
        name="profile_paper_entry",
    ),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/nieuw/", views.organisation_create, name="organisation_create"),
    path("organisaties/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisaties/<int:pk>/bewerken/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisaties/<int:pk>/uitnodigen/", views.organisation_invite, name="organisation_invite"
    ),
    path(
        "organisaties/<int:pk>/uitnodigingen/<int:invitation_pk>/intrekken/",
        views.organisation_invitation_withdraw,
        name="organisation_invitation_withdraw",
    ),
    path(
        "organisaties/<int:pk>/leden/<int:membership_pk>/rol/",
        views.membership_role,
        name="membership_role",
    ),
    path(
        "organisaties/<int:pk>/leden/<int:membership_pk>/beeindigen/",
        views.membership_end,
        name="membership_end",
    ),
    path(
        "organisaties/uitnodiging/<str:secret>/",
        views.organisation_invitation,
        name="organisation_invitation",
    ),
]
