"""Reading a spreadsheet into rows: CSV, XLSX or JSON Lines (docs/import.md).

``read_rows(data, filename)`` returns the rows as dictionaries of text (column -> cell) with the
row number a person sees in their spreadsheet (the header is row 1) or in their JSONL file
(line number). A file that cannot be read as a whole raises ``FileRefused`` with a plain Dutch
message; nothing is guessed:

- the format comes from the file name *and* its content, and they must agree;
- CSV and JSONL must be UTF-8 (with or without BOM). A file in another encoding (Windows-1252,
  Latin-1) is refused with the line of the first byte that is not UTF-8: such bytes would decode
  to *some* text in any 8-bit encoding, so a guess could silently change names;
- the column names are checked (unknown and missing columns are named);
- at most ``MAX_ROWS`` rows.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from django.utils.translation import gettext as _

MAX_ROWS = 50_000
MAX_CELL = 2_000  # the longest text a profile field holds
ZIP_MAGIC = b"PK\x03\x04"

# The columns of the schema (docs/import.md): required ones, then optional ones.
REQUIRED_COLUMNS = ("email", "name", "consent_given_on", "consent_how")
OPTIONAL_COLUMNS = (
    "neighbourhood",
    "languages",
    "about",
    "strengths",
    "aspirations",
    "lived_experience",
    "limits",
    "capacity",
    "tags",
    "role",
)
# The order of an export: who, what they wrote, then the consent.
COLUMNS = (*REQUIRED_COLUMNS[:2], *OPTIONAL_COLUMNS, *REQUIRED_COLUMNS[2:])


class FileFormat:
    CSV = "csv"
    XLSX = "xlsx"
    JSONL = "jsonl"
    ALL = ("csv", "xlsx", "jsonl")


EXTENSIONS = {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}


class FileRefused(Exception):
    """The file as a whole cannot be imported; ``message`` says why, in Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class RawRow:
    number: int
    cells: dict[str, str]


def detect_format(data: bytes, filename: str) -> str:
    """The format named by the extension, checked against the first bytes of the content."""
    extension = PurePath(filename or "").suffix.lower()
    fmt = EXTENSIONS.get(extension)
    if fmt is None:
        raise FileRefused(_("Use a file that ends in .csv, .xlsx or .jsonl."))
    is_zip = data.startswith(ZIP_MAGIC)
    if fmt == FileFormat.XLSX and not is_zip:
        raise FileRefused(_("This file ends in .xlsx, but it is not an Excel file."))
    if fmt != FileFormat.XLSX and (is_zip or b"\x00" in data[:4096]):
        raise FileRefused(
            _("This file ends in .%(ext)s, but it is not a text file.")
            % {"ext": extension.lstrip(".")}
        )
    return fmt


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FileRefused(
            _(
                "The file is not saved as UTF-8 (line %(line)d has a character we cannot read). "
                "In Excel choose 'Save as' and then 'CSV UTF-8'. Then try again."
            )
            % {"line": line}
        ) from exc
    if "\x00" in text:
        raise FileRefused(_("This file contains characters that do not belong in a text file."))
    return text.removeprefix("\ufeff")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value).strip()


def check_columns(header: list[str]) -> list[str]:
    """The normalised column names; refuses unknown, missing and repeated columns."""
    names = [str(h or "").strip().lower().removeprefix("\ufeff") for h in header]
    while names and not names[-1]:
        names.pop()  # empty columns at the end of a spreadsheet
    unknown = [n or _("(empty)") for n in names if n not in COLUMNS]
    if unknown:
        raise FileRefused(
            _(
                "These columns are not allowed: %(unknown)s. Allowed columns: %(allowed)s. "
                "There are no columns about a group, a diagnosis or a risk: a profile holds "
                "only what a person says about themself."
            )
            % {"unknown": ", ".join(unknown), "allowed": ", ".join(COLUMNS)}
        )
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise FileRefused(
            _("These columns appear more than once: %(names)s.") % {"names": ", ".join(repeated)}
        )
    missing = [n for n in REQUIRED_COLUMNS if n not in names]
    if missing:
        raise FileRefused(
            _("These columns are missing: %(names)s.") % {"names": ", ".join(missing)}
        )
    return names


def _too_many() -> FileRefused:
    return FileRefused(
        _("The file has more than %(max)d rows. Split it into smaller files.") % {"max": MAX_ROWS}
    )


def _rows_from_table(table: Iterator[list[object]], *, first_number: int = 1) -> list[RawRow]:
    header = next(table, None)
    if header is None:
        raise FileRefused(_("The file is empty."))
    names = check_columns([_cell(h) for h in header])
    rows: list[RawRow] = []
    for number, values in enumerate(table, start=first_number + 1):
        cells = [_cell(v) for v in values]
        if not any(cells):
            continue
        if len(cells) > len(names) and any(cells[len(names) :]):
            raise FileRefused(
                _("Row %(row)d has more cells than there are columns.") % {"row": number}
            )
        if len(rows) >= MAX_ROWS:
            raise _too_many()
        rows.append(RawRow(number, dict(zip(names, cells, strict=False))))
    return rows


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes) -> list[RawRow]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line))
    try:
        header = next(reader, None)
        if header is None:
            raise FileRefused(_("The file is empty."))
        names = check_columns(header)
        rows: list[RawRow] = []
        for values in reader:
            # The line where this row ends (a cell in quotes may hold a line break).
            number = reader.line_num
            cells = [v.strip() for v in values]
            if not any(cells):
                continue
            if len(cells) > len(names) and any(cells[len(names) :]):
                raise FileRefused(
                    _("Row %(row)d has more cells than there are columns.") % {"row": number}
                )
            if len(rows) >= MAX_ROWS:
                raise _too_many()
            rows.append(RawRow(number, dict(zip(names, cells, strict=False))))
        return rows
    except csv.Error as exc:
        raise FileRefused(
            _("Row %(row)d cannot be read as CSV: check the quotation marks.")
            % {"row": reader.line_num}
        ) from exc


def read_xlsx(data: bytes) -> list[RawRow]:
    from openpyxl import load_workbook  # only when needed: it is a large import

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise FileRefused(_("This Excel file cannot be opened. Save it again and retry.")) from exc
    try:
        sheet = workbook.worksheets[0]
        return _rows_from_table(list(r) for r in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def read_jsonl(data: bytes) -> list[RawRow]:
    text = _decode(data)
    rows: list[RawRow] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FileRefused(_("Line %(row)d is not valid JSON.") % {"row": number}) from exc
        if not isinstance(value, dict):
            raise FileRefused(
                _("Line %(row)d is not an object with column names.") % {"row": number}
            )
        if len(rows) >= MAX_ROWS:
            raise _too_many()
        try:
            check_columns([str(k) for k in value])
        except FileRefused as refused:
            raise FileRefused(
                _("Line %(row)d: %(problem)s") % {"row": number, "problem": refused.message}
            ) from refused
        rows.append(RawRow(number, {str(k).strip().lower(): _cell(v) for k, v in value.items()}))
    if not rows:
        raise FileRefused(_("The file is empty."))
    return rows


def read_rows(data: bytes, filename: str) -> tuple[str, list[RawRow]]:
    fmt = detect_format(data, filename)
    if fmt == FileFormat.XLSX:
        rows = read_xlsx(data)
    elif fmt == FileFormat.JSONL:
        rows = read_jsonl(data)
    else:
        rows = read_csv(data)
    if not rows:
        raise FileRefused(_("The file has column names but no rows."))
    return fmt, rows
