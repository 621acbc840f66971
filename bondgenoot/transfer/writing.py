"""Writing the export: the same columns as the import, in CSV (UTF-8 with BOM, so Excel reads
the accents; ';' as Dutch Excel expects), XLSX (openpyxl, write-only) or JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .reading import COLUMNS, FileFormat

CONTENT_TYPES = {
    FileFormat.CSV: "text/csv; charset=utf-8",
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileFormat.JSONL: "application/x-ndjson; charset=utf-8",
}
# A cell that starts with one of these is a formula to a spreadsheet: written with a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def write_rows(rows: Iterable[dict[str, str]], file_format: str) -> tuple[bytes, int]:
    """The file's bytes and the number of rows written."""
    count = 0
    if file_format == FileFormat.XLSX:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("profielen")
        sheet.append(list(COLUMNS))
        for row in rows:
            sheet.append([_safe(row[c]) for c in COLUMNS])
            count += 1
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue(), count
    if file_format == FileFormat.JSONL:
        lines = []
        for row in rows:
            lines.append(json.dumps({c: row[c] for c in COLUMNS}, ensure_ascii=False))
            count += 1
        return ("\n".join(lines) + ("\n" if lines else "")).encode(), count
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_safe(row[c]) for c in COLUMNS])
        count += 1
    return ("\ufeff" + text.getvalue()).encode(), count
