from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

TOO_LONG = _(
    "This text is too long: use at most %(limit_value)d characters (now %(show_value)d). "
    "Your text is still here, so you can shorten it."
)


class BoundedTextField(models.TextField):
    """A TextField whose max_length is checked on validation (Django's TextField only tells the
    widget). Text that is too long gets a clear message instead of being cut off."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(MaxLengthValidator(self.max_length, message=TOO_LONG))


class BaseModel(models.Model):
    """Every stored thing knows when it was made and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class InvitationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class InvitationBase(BaseModel):
    """An invitation by link. Only a hash of the secret in the link is stored."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    email = models.EmailField(
        _("e-mail address of the person you invite"),
        blank=True,
        help_text=_("If you fill this in, only this person can use the link."),
    )
    message = BoundedTextField(_("personal message"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.OPEN
    )
    expires_at = models.DateTimeField(_("valid until"))
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        abstract = True


class Notice(BaseModel):
    """A short message for one person, shown on their home page (and sent by e-mail when it
    matters). For example: "Bas has left the alliance"."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="notices")
    text = models.CharField(_("message"), max_length=500)
    link = models.CharField(_("link"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [models.Index(fields=["person", "read_at"], name="notice_unread")]

    def __str__(self) -> str:
        return self.text
