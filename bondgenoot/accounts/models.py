from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            # Residents may log in with a one-time e-mail link only.
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A way to log in. What a person says about themself lives in ``people.Person``.

    There is deliberately no role, type or category on the account: roles come from
    relations (party of an alliance, member or coordinator of an organisation).
    ``is_staff``/``is_superuser`` only mark the people who run the installation.
    """

    email = models.EmailField(_("e-mail address"), unique=True, max_length=254)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("site administrator"), default=False)
    date_joined = models.DateTimeField(_("joined on"), default=timezone.now)

    # Two-step verification with an authenticator app (TOTP, RFC 6238). The secret is shown
    # once, while setting it up, and never again; it is not in the admin either.
    totp_secret = models.CharField(max_length=64, blank=True, editable=False)
    totp_confirmed_at = models.DateTimeField(
        _("two-step verification on since"), null=True, blank=True, editable=False
    )
    # The last 30-second time step whose code was accepted: a code works only once.
    totp_last_step = models.BigIntegerField(null=True, blank=True, editable=False)
    # Raised to end every session of the account at once ("log out everywhere").
    session_epoch = models.PositiveIntegerField(default=0, editable=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self) -> str:
        return self.email

    @property
    def has_two_factor(self) -> bool:
        return self.totp_confirmed_at is not None

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        """Every session stores this hash; a session whose hash no longer matches has ended.

        It changes when the password changes (Django), when two-step verification is turned on
        or off (a session opened with fewer factors does not survive), and when the person or a
        site administrator ends all sessions (``session_epoch``). Without either of the last
        two, the hash is Django's own, so existing sessions stay valid.
        """
        if self.totp_confirmed_at is None and not self.session_epoch:
            return super()._get_session_auth_hash(secret=secret)  # type: ignore[misc]
        totp = self.totp_confirmed_at.isoformat() if self.totp_confirmed_at else ""
        return salted_hmac(
            "bondgenoot.accounts.User.get_session_auth_hash",
            f"{self.password}|{totp}|{self.session_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class RecoveryCode(BaseModel):
    """A one-time code to log in when the authenticator app is lost. Only an Argon2 hash is
    stored; the codes are shown once, when they are made."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=200)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"recovery code {self.pk} of {self.user_id}"
