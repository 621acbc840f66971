from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("berichten/gelezen/", views.notices_read, name="notices_read"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
