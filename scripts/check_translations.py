"""Fail when a user-facing string is missing from the Dutch catalogue, untranslated or fuzzy,
or when the compiled catalogue (django.mo) is older than its source (django.po)."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
IGNORE = [".venv", "node_modules", "static", "staticfiles", "bench", "test-artifacts"]


def current_msgids() -> set[tuple[str, str]]:
    """The msgids the code has now, from a fresh makemessages into a scratch copy."""
    with tempfile.TemporaryDirectory() as scratch:
        backup = Path(scratch) / "django.po"
        shutil.copy2(PO, backup)
        try:
            args = [sys.executable, "manage.py", "makemessages", "-l", "nl", "-v0"]
            args += [f"--ignore={path}" for path in IGNORE]
            subprocess.run(args, cwd=ROOT, check=True)
            fresh = polib.pofile(str(PO))
        finally:
            shutil.copy2(backup, PO)
    return {(e.msgctxt or "", e.msgid) for e in fresh if not e.obsolete}


def main() -> int:
    catalogue = polib.pofile(str(PO))
    problems: list[str] = []
    known = {(e.msgctxt or "", e.msgid) for e in catalogue if not e.obsolete}
    for _ctx, msgid in sorted(current_msgids() - known):
        problems.append(f"not in the catalogue (run makemessages): {msgid!r}")
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            problems.append(f"untranslated: {entry.msgid!r}")
    compiled = polib.mofile(str(MO)) if MO.exists() else None
    if compiled is None:
        problems.append("django.mo is missing: run compilemessages")
    else:
        wanted = {
            (e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in catalogue.translated_entries()
        }
        have = {
            (e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in compiled if e.msgid
        }
        if wanted - have:
            problems.append(
                f"django.mo is out of date ({len(wanted - have)} entries): run compilemessages"
            )
    for problem in problems:
        print(problem)
    total = len([e for e in catalogue if not e.obsolete])
    print(f"Dutch catalogue: {total} strings, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
