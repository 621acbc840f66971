from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("aanmelden/", views.signup, name="signup"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.two_factor_verify, name="two_factor_verify"),
    path("inloggen/link/", views.email_link_request, name="email_link_request"),
    path(
        "inloggen/link/<str:uidb64>/<str:token>/",
        views.email_link_login,
        name="email_link_login",
    ),
    path("uitloggen/", login_not_required(views.LogoutView.as_view()), name="logout"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-vergeten/<str:uidb64>/<str:token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("wachtwoord/", views.password_change, name="password_change"),
    path("beveiliging/", views.security, name="security"),
    path(
        "beveiliging/tweestapsverificatie/aanzetten/",
        views.two_factor_setup,
        name="two_factor_setup",
    ),
    path(
        "beveiliging/tweestapsverificatie/uitzetten/",
        views.two_factor_disable,
        name="two_factor_disable",
    ),
    path("beveiliging/overal-uitloggen/", views.sessions_end, name="sessions_end"),
    path(
        "beveiliging/herstelcodes/",
        views.recovery_codes_renew,
        name="recovery_codes_renew",
    ),
]
