from django.urls import path

from . import views

app_name = "transfer"

urlpatterns = [
    path("organisaties/<int:pk>/importeren/", views.profile_import, name="import"),
    path(
        "organisaties/<int:pk>/importeren/bevestigen/",
        views.profile_import_confirm,
        name="import_confirm",
    ),
    path(
        "organisaties/<int:pk>/importeren/annuleren/",
        views.profile_import_cancel,
        name="import_cancel",
    ),
    path("organisaties/<int:pk>/exporteren/", views.profile_export, name="export"),
]
