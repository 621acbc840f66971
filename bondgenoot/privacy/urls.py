from django.urls import path

from . import views

app_name = "privacy"

# No ids in these paths: every page is about the person who is logged in.
urlpatterns = [
    path("mijn-gegevens/", views.overview, name="overview"),
    path("mijn-gegevens/bevestigen/", views.reauthenticate, name="reauth"),
    path(
        "mijn-gegevens/bevestigen/<str:token>/",
        views.reauthenticate_by_link,
        name="reauth_link",
    ),
    path("mijn-gegevens/downloaden/", views.download, name="download"),
    path("mijn-gegevens/downloaden/<str:format>/", views.download_file, name="download_file"),
    path("mijn-gegevens/e-mailadres/", views.email_change, name="email_change"),
    path("mijn-gegevens/e-mailadres/<str:token>/", views.email_confirm, name="email_confirm"),
    path("mijn-gegevens/toestemming/", views.consents, name="consents"),
    path("mijn-gegevens/account-verwijderen/", views.account_delete, name="account_delete"),
    path("tot-ziens/", views.goodbye, name="goodbye"),
]
