from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("verantwoording/", views.report_list, name="list"),
    path("verantwoording/nieuw/", views.report_create, name="create"),
    path("verantwoording/<int:pk>/", views.report_detail, name="detail"),
    path("verantwoording/<int:pk>/pdf/", views.report_pdf, name="pdf"),
    path("verantwoording/<int:pk>/bewerken/", views.report_edit, name="edit"),
    path("verantwoording/<int:pk>/delen/", views.report_share, name="share"),
    path(
        "verantwoording/<int:pk>/delen/<int:share_pk>/stoppen/",
        views.share_revoke,
        name="share_revoke",
    ),
    path("verantwoording/<int:pk>/versie/<int:number>/", views.version_detail, name="version"),
    path("verantwoording/<int:pk>/gesprek/", views.guide, name="guide"),
    path("verantwoording/<int:pk>/gesprek/pdf/", views.guide_pdf, name="guide_pdf"),
    path("verantwoording/voor-mij/", views.shared_list, name="shared_list"),
    path("verantwoording/voor-mij/<int:share_pk>/", views.shared_detail, name="shared_detail"),
    path("verantwoording/voor-mij/<int:share_pk>/pdf/", views.shared_pdf, name="shared_pdf"),
    path("verantwoording/lezen/<str:secret>/", views.shared_link, name="shared_link"),
    path("verantwoording/lezen/<str:secret>/pdf/", views.shared_link_pdf, name="shared_link_pdf"),
]
