"""The handlingsplan drawn twice from the same blocks (``plan_content``): as HTML through the
reports' document (and WeasyPrint for the PDF), and as an editable Word file (python-docx:
real headings, paragraphs, bulleted lists and tables with a repeating header row).

Text from data goes into Word only as the text of runs (python-docx escapes it for XML), never
as fields or formulas; characters XML cannot hold are dropped."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Row

from dashapp.reports.document import Section, bullets, document, esc, paragraph, table
from dashapp.reports.plan_content import Block, Bullets, Grid, Para, PlanReport, Sub

FILL_STYLE = (
    "border: 1px dashed #888; background: #fffbe6; padding: 6pt 8pt; min-height: 28mm; "
    "color: #555; font-style: italic;"
)
# XML 1.0 refuses these (a name from data holding one must not break the file)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
GREY = RGBColor(0x55, 0x55, 0x55)
WARNING = RGBColor(0xA0, 0x40, 0x00)


def _html_block(block: Block) -> str:
    if isinstance(block, Para):
        if block.kind == "fill":
            return f'<p class="fill" style="{FILL_STYLE}">{esc(block.text)}</p>'
        return paragraph(block.text, block.kind)
    if isinstance(block, Sub):
        return f"<h3>{esc(block.text)}</h3>"
    if isinstance(block, Bullets):
        return bullets(block.lines)
    return table(block.header, block.rows)


def plan_html(report: PlanReport, language: str) -> str:
    """The handlingsplan as one HTML page (``to_pdf`` prints it)."""
    front = "".join(_html_block(b) for b in report.front)
    sections = [
        Section(p.anchor, p.title, "".join(_html_block(b) for b in p.blocks), p.new_page)
        for p in report.parts
    ]
    return document(report.title, front, sections, language)


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _repeat_header(row: _Row) -> None:
    """Mark a table row as a header row, repeated at the top of each page."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _docx_table(doc: WordDocument, grid: Grid) -> Table:
    rows = [grid.header, *grid.rows]
    found: Table = doc.add_table(rows=len(rows), cols=len(grid.header))
    found.style = "Table Grid"
    found.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, values in enumerate(rows):
        for cell, value in zip(found.rows[r].cells, values, strict=True):
            text_paragraph = cell.paragraphs[0]
            run = text_paragraph.add_run(clean(value.text))
            run.font.size = Pt(8)
            run.bold = r == 0
            if value.num:
                text_paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _repeat_header(found.rows[0])
    return found


def _docx_block(doc: WordDocument, block: Block) -> None:
    add = doc.add_paragraph
    if isinstance(block, Sub):
        doc.add_heading(clean(block.text), level=2)
    elif isinstance(block, Bullets):
        for line in block.lines:
            add(clean(line), style="List Bullet")
    elif isinstance(block, Grid):
        _docx_table(doc, block)
        add("")
    elif block.kind == "subtitle":
        add(clean(block.text), style="Subtitle")
    else:
        run = add().add_run(clean(block.text))
        if block.kind == "meta":
            run.font.size = Pt(8)
            run.font.color.rgb = GREY
        elif block.kind == "warning":
            run.font.color.rgb = WARNING
        elif block.kind == "fill":
            run.italic = True
            run.font.color.rgb = GREY
            for _ in range(3):
                add("")


def plan_docx(report: PlanReport, language: str) -> bytes:
    """The handlingsplan as a Word file (A4) officials can finish in their own words."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = clean(report.title)
    doc.core_properties.language = "en-GB" if language == "en" else "sv-SE"
    doc.core_properties.author = "Servicekartan"
    doc.add_heading(clean(report.title), level=0)
    for block in report.front:
        _docx_block(doc, block)
    for part in report.parts:
        if part.new_page:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(clean(part.title), level=1)
        for block in part.blocks:
            _docx_block(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
