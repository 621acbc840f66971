from django.urls import path

from . import views

app_name = "gatherings"

urlpatterns = [
    path("", views.gathering_list, name="list"),
    path("nieuw/", views.gathering_create, name="create"),
    path("mijn-citaten/", views.my_quotes, name="my_quotes"),
    path("<int:pk>/", views.gathering_detail, name="detail"),
    path("<int:pk>/bewerken/", views.gathering_edit, name="edit"),
    path("<int:pk>/aanmelden/", views.register, name="register"),
    path("<int:pk>/afmelden/", views.withdraw, name="withdraw"),
    path("<int:pk>/deelnemers/", views.participants, name="participants"),
    path("<int:pk>/sprekers-en-gasten/", views.roles, name="roles"),
    path("<int:pk>/sprekers-en-gasten/<int:role_pk>/", views.role_edit, name="role_edit"),
    path(
        "<int:pk>/sprekers-en-gasten/<int:role_pk>/verwijderen/",
        views.role_remove,
        name="role_remove",
    ),
    path("<int:pk>/groepen/", views.groups, name="groups"),
    path("<int:pk>/groepen/loten/", views.groups_random, name="groups_random"),
    path("<int:pk>/groepen/<int:group_pk>/", views.group_edit, name="group_edit"),
    path("<int:pk>/groepen/<int:group_pk>/verwijderen/", views.group_remove, name="group_remove"),
    path("<int:pk>/oogst/", views.harvest, name="harvest"),
    path("<int:pk>/oogst/<int:item_pk>/verwijderen/", views.harvest_remove, name="harvest_remove"),
    path("<int:pk>/verslag/", views.report, name="report"),
    path("<int:pk>/verslag/pdf/", views.report_pdf, name="report_pdf"),
    path("<int:pk>/verslag/bewerken/", views.report_edit, name="report_edit"),
    path("<int:pk>/verslag/maken/", views.report_generate, name="report_generate"),
    path("<int:pk>/verslag/publiceren/", views.report_publish, name="report_publish"),
]
