from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel
from bondgenoot.people.models import Person


class PersonalToken(BaseModel):
    """A personal token for the JSON API (``Authorization: Bearer <token>``).

    Only a SHA-256 hash of the secret is stored (as for invitation links); the secret is shown
    once, when the token is made. A token acts as its person, with the same rules as the pages.
    It stops working when revoked, when it expires, or with the account (CASCADE).
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("valid until"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("personal token")
        verbose_name_plural = _("personal tokens")

    def __str__(self) -> str:
        return self.name

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and not self.is_expired
