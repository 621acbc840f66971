"""Make the table of a database cache when the settings use one (production: config/settings/prod.py).

`createcachetable` does nothing for other cache backends and when the table exists, so this is
safe everywhere and on every database.
"""

from django.core.management import call_command
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def create_cache_table(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_notices")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
