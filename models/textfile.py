"""Turning a file's bytes into a table of strings, as people really send them.

Accepted: ``,``- or ``;``- or tab-separated text in UTF-8 (with or without a byte-order mark),
UTF-16 (Excel's "Unicode text"), cp1252 and Latin-1. Refused with a reason a person can act on:
an Excel workbook renamed ``.csv``, other binary files, and an unterminated quote (named by row).
"""

from __future__ import annotations

import csv
import io

import pandas as pd

ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .docx, .zip


class TableReadError(ValueError):
    """The bytes are not a readable text table; carries both languages and, if known, a row."""

    def __init__(self, message_sv: str, message_en: str, row: int | None = None) -> None:
        super().__init__(message_en)
        self.message_sv = message_sv
        self.message_en = message_en
        self.row = row


def _looks_utf16(raw: bytes) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = raw[:4096]
    if len(head) >= 4 and head[1::2].count(0) > 0.4 * len(head[1::2]):
        return "utf-16-le"
    if len(head) >= 4 and head[0::2].count(0) > 0.4 * len(head[0::2]):
        return "utf-16-be"
    return None


def decode(raw: bytes) -> str:
    """The text of a file, or TableReadError saying what the file is instead."""
    if raw.startswith(ZIP_MAGIC):
        raise TableReadError(
            "filen är en Excel-arbetsbok eller ett zip-arkiv; spara den som CSV",
            "the file is an Excel workbook or a zip archive; save it as CSV",
        )
    utf16 = _looks_utf16(raw)
    if utf16 is not None:
        try:
            return raw.decode(utf16).lstrip("\ufeff")
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:4096]:
        raise TableReadError(
            "filen är ingen textfil (binärt innehåll); spara den som CSV",
            "the file is not a text file (binary content); save it as CSV",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # every byte is a Latin-1 character: never fails


def sniff_separator(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", "\t", ",")}
    return max(counts, key=lambda sep: counts[sep])


def _unterminated_quote_row(text: str) -> int | None:
    """The spreadsheet row (header = 1) where a quoted cell opens and never closes."""
    open_since, row = None, 1
    for line in text.splitlines():
        if line.count('"') % 2:
            open_since = row if open_since is None else None
        row += 1
    return open_since


def read_text_table(raw: bytes) -> tuple[pd.DataFrame, str]:
    """All cells as stripped strings, and the separator found; TableReadError otherwise."""
    text = decode(raw)
    if not text.strip():
        raise TableReadError("filen är tom", "the file is empty")
    separator = sniff_separator(text)
    row = _unterminated_quote_row(text)
    if row is not None:
        raise TableReadError(
            "ett citattecken öppnas men stängs aldrig",
            "a quotation mark opens and never closes",
            row,
        )
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
            quoting=csv.QUOTE_MINIMAL,
        )
    except (pd.errors.ParserError, csv.Error) as error:
        raise TableReadError(
            f"filen kan inte läsas som CSV ({error})", f"the file cannot be read as CSV ({error})"
        ) from error
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    frame = frame.apply(lambda column: column.str.strip())
    return frame, separator
