from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("wie-keek-er-mee/", views.my_access_log, name="my_access_log"),
]
