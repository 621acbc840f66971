from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Run the installation: accounts only. Profiles and journals are not shown here (privacy)."""

    ordering = ["email"]
    list_display = ["email", "is_active", "is_staff", "date_joined", "last_login"]
    list_filter = ["is_active", "is_staff"]
    search_fields = ["email"]
    readonly_fields = ["totp_confirmed_at"]
    fieldsets = (
        (
            None,
            {
                "fields": ("email", "password"),
                "description": _(
                    "Accounts cannot be deleted here. People delete their own account "
                    "under 'My data': there they choose what happens to what they wrote "
                    "with others. To stop someone logging in, untick 'active'."
                ),
            },
        ),
        (_("Access"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Two-step verification"), {"fields": ("totp_confirmed_at",)}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    actions = ["sessions_end", "two_factor_reset"]

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        """No deleting here: deleting an account must go through ``account_delete`` (the person's
        own choice about their shared history, notices to the other parties), which the admin's
        cascade skips (and which fails for someone who takes part in an alliance)."""
        return False

    @admin.action(description=_("Log out everywhere (end all sessions)"))
    def sessions_end(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.sessions_end_all(user=user)
        self.message_user(
            request,
            ngettext(
                "All sessions of %(count)d account have ended.",
                "All sessions of %(count)d accounts have ended.",
                len(queryset),
            )
            % {"count": len(queryset)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Turn off two-step verification (lost phone and recovery codes)"))
    def two_factor_reset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        """For someone who lost both their phone and their recovery codes. Check first, in
        person or by phone, that the request really comes from them."""
        count = 0
        for user in queryset:
            if user.has_two_factor:
                services.two_factor_reset(user=user)
                count += 1
        self.message_user(
            request,
            ngettext(
                "Two-step verification is off for %(count)d account.",
                "Two-step verification is off for %(count)d accounts.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    filter_horizontal = ()
