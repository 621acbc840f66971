"""Update the Dutch catalogue from the code, apply translations, compile, and list what is left.

    python scripts/translate.py [translations.json]

The JSON file maps an English msgid to its Dutch text (or to [singular, plural]). Runs under
a file lock, so several people (or sessions) on one machine cannot clobber the catalogue.
"""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
IGNORE = [".venv", "node_modules", "static", "staticfiles", "bench", "test-artifacts"]


def main() -> int:
    mapping = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")) if len(sys.argv) > 1 else {}
    with open(ROOT / "locale" / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manage = [sys.executable, "manage.py"]
        ignore = [f"--ignore={path}" for path in IGNORE]
        subprocess.run([*manage, "makemessages", "-l", "nl", "-v0", *ignore], cwd=ROOT, check=True)
        catalogue = polib.pofile(str(PO))
        for entry in catalogue:
            if entry.msgid not in mapping:
                continue
            value = mapping[entry.msgid]
            if isinstance(value, list):
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
        catalogue.save()
        subprocess.run(
            [*manage, "compilemessages", "-l", "nl", "-v0", "--ignore=.venv"], cwd=ROOT, check=True
        )
    left = [
        e.msgid for e in catalogue if not e.obsolete and ("fuzzy" in e.flags or not e.translated())
    ]
    for msgid in left:
        print(f"untranslated: {msgid!r}")
    print(f"{len(left)} strings left to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
