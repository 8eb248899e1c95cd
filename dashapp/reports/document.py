"""The parts every report shares: an HTML document with a table of contents, tables whose figures
are formatted by the caller, and the PDF made from it by WeasyPrint (imported only when a PDF is
asked for, so the HTML path needs no system libraries).

Templates are Python string builders: every text that came from data or a user goes through
``html.escape`` here (``esc``) or in the caller, never into the page raw.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from dashapp.reports.texts import tr


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Section:
    """One chapter: its anchor, its heading (plain text) and its body (HTML)."""

    anchor: str
    title: str
    body: str
    new_page: bool = False


@dataclass(frozen=True)
class Cell:
    """A table cell's text (plain, escaped when drawn) and whether it is a figure."""

    text: str
    num: bool = False


def num(text: str) -> Cell:
    return Cell(text, True)


def table(header: Sequence[object], rows: Sequence[Sequence[object]]) -> str:
    """An HTML table; ``Cell``s that are figures are right-aligned, anything else is text."""

    def cell(tag: str, value: object) -> str:
        found = value if isinstance(value, Cell) else Cell(str(value))
        kind = ' class="num"' if found.num else ""
        return f"<{tag}{kind}>{esc(found.text)}</{tag}>"

    head = "".join(cell("th", h) for h in header)
    body = "".join("<tr>" + "".join(cell("td", c) for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def paragraph(text: str, kind: str = "") -> str:
    css = f' class="{kind}"' if kind else ""
    return f"<p{css}>{esc(text)}</p>"


def bullets(lines: Sequence[str], kind: str = "") -> str:
    css = f' class="{kind}"' if kind else ""
    return f"<ul{css}>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>"


def stylesheet() -> str:
    return resources.files("dashapp.reports").joinpath("report.css").read_text(encoding="utf-8")


def _footer_css(language: str) -> str:
    text = tr("page_footer", language, page="\x00", pages="\x01")
    content = '"' + text.replace("\x00", '" counter(page) "').replace("\x01", '" counter(pages) "')
    content += '"'
    return "@page { @bottom-center { content: " + content + "; font-size: 7.5pt; color: #555; } }"


def document(title: str, front: str, sections: Sequence[Section], language: str) -> str:
    """The whole report: title and front matter, a table of contents, then each section."""
    toc = "".join(f'<li><a href="#{esc(s.anchor)}">{esc(s.title)}</a></li>' for s in sections)
    chapters = "".join(
        f'<section id="{esc(s.anchor)}"{" class=page" if s.new_page else ""}>'
        f"<h2>{esc(s.title)}</h2>{s.body}</section>"
        for s in sections
    )
    return (
        f'<!DOCTYPE html><html lang="{esc(language)}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{stylesheet()}{_footer_css(language)}</style>"
        f"</head><body><h1>{esc(title)}</h1>{front}"
        f'<nav class="toc"><h3>{esc(tr("toc", language))}</h3><ol>{toc}</ol></nav>'
        f"{chapters}</body></html>"
    )


def to_pdf(page: str) -> bytes:
    """The PDF of one report (A4, page numbers, bookmarks from the headings)."""
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf: bytes = HTML(string=page, url_fetcher=_offline).write_pdf()
    return pdf


def _offline(url: str, *_: object, **__: object) -> dict[str, object]:
    """Reports are self-contained: nothing is fetched, from the network or from files."""
    raise ValueError(f"a report fetches nothing ({url})")
