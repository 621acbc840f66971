"""Production keeps its cache in the database, so mail limits count across gunicorn workers."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

cache_table_migration = import_module("bondgenoot.core.migrations.0002_cache_table")


def test_production_uses_a_cache_that_all_workers_share(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "test-only")
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "bondgenoot.example.org")
    prod = import_module("config.settings.prod")
    assert prod.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


@pytest.mark.django_db
def test_migrate_makes_the_cache_table_so_limits_are_counted_in_the_database():
    settings = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t_cache"}
    with override_settings(CACHES={"default": settings}):
        editor = SimpleNamespace(connection=connection)  # what the migration reads of it
        cache_table_migration.create_cache_table(None, editor)
        assert "t_cache" in connection.introspection.table_names()
        cache = caches.create_connection("default")
        cache.set("mails:amina@example.org", 3)
        assert cache.get("mails:amina@example.org") == 3
