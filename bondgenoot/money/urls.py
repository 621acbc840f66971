from django.urls import path

from . import views

app_name = "money"

urlpatterns = [
    path("organisaties/<int:pk>/geld/", views.budget_list, name="budget_list"),
    path("organisaties/<int:pk>/geld/nieuw/", views.budget_create, name="budget_create"),
    path("geld/<int:pk>/", views.budget_detail, name="budget_detail"),
    path("geld/<int:pk>/bewerken/", views.budget_edit, name="budget_edit"),
    path("geld/<int:pk>/afsluiten/", views.budget_close, name="budget_close"),
    path("geld/<int:pk>/heropenen/", views.budget_reopen, name="budget_reopen"),
    path("geld/<int:pk>/financier/", views.funder_view, name="funder_view"),
    path("geld/<int:pk>/posten/nieuw/", views.line_add, name="line_add"),
    path("geld/<int:pk>/posten/<int:line_pk>/bewerken/", views.line_edit, name="line_edit"),
    path("geld/<int:pk>/posten/<int:line_pk>/verwijderen/", views.line_delete, name="line_delete"),
    path("geld/<int:pk>/uitgaven/nieuw/", views.expense_add, name="expense_add"),
    path(
        "geld/<int:pk>/uitgaven/<int:expense_pk>/bewerken/",
        views.expense_edit,
        name="expense_edit",
    ),
    path(
        "geld/<int:pk>/uitgaven/<int:expense_pk>/verwijderen/",
        views.expense_delete,
        name="expense_delete",
    ),
    path("geld/<int:pk>/uitgaven/<int:expense_pk>/bon/", views.receipt, name="receipt"),
]
