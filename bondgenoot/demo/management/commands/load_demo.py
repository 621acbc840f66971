"""``python manage.py load_demo``: the fictional demo neighbourhood, for trying Bondgenoot out."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from bondgenoot.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the fictional demo neighbourhood (De Vlinderbuurt in Lindendaal) through the "
        "services. Does nothing when the database already has people."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_demo()
        if not result.loaded:
            self.stdout.write(
                "Skipped: the database already has people, so the demo was not loaded."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded: {result.people} people, {result.organisations} organisations, "
                f"{result.alliances} alliances, {result.journal_entries} journal entries, "
                f"{result.contributions} contributions."
            )
        )
        if result.open_invitation_path:
            self.stdout.write(f"Open invitation link: {result.open_invitation_path}")
        self.stdout.write("")
        self.stdout.write("Demo log-ins:")
        rows = [("Name", "E-mail", "What to try")] + [
            (login.name, login.email, login.try_this) for login in result.logins
        ]
        name_width = max(len(row[0]) for row in rows)
        email_width = max(len(row[1]) for row in rows)
        for name, email, try_this in rows:
            self.stdout.write(f"  {name:<{name_width}}  {email:<{email_width}}  {try_this}")
        self.stdout.write("")
        self.stdout.write(f"Password for every demo account: {settings.DEMO_LOGIN_PASSWORD}")
