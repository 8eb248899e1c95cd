"""The Export tab's reports: each button gives a file a person can open, or says why not."""

from __future__ import annotations

import base64
import io
import json

import docx
import pypdf

from dashapp.callbacks import reports
from dashapp.data import dataset
from models.scenario import Scenario


def _click(trigger, kind: str, fmt: str, result, kommun) -> tuple:  # type: ignore[no-untyped-def]
    trigger(json.dumps({"fmt": fmt, "kind": kind, "type": "report"}) + ".n_clicks", 1)
    return reports.download_report([1], result, kommun, "sv")


def _code(name: str) -> str:
    data = dataset()
    return str(data.kommun_kod[list(data.kommun_names).index(name)])


def test_the_current_state_report_for_the_kommun_in_view_opens_as_a_pdf(trigger, result) -> None:  # type: ignore[no-untyped-def]
    download, message = _click(trigger, "current", "pdf", result, _code("Tingsryd"))
    assert download["filename"].endswith(".pdf") and message.endswith("är klar.")
    pdf = pypdf.PdfReader(io.BytesIO(base64.b64decode(download["content"])))
    assert "Tingsryd" in pdf.pages[0].extract_text()


def test_the_action_plan_needs_a_kommun_and_then_opens_in_word(trigger, result) -> None:  # type: ignore[no-untyped-def]
    download, message = _click(trigger, "plan", "docx", result, "all")
    assert download is reports.no_update
    assert message == "Handlingsplanen gäller en kommun: välj den under Visa kommun."
    download, _ = _click(trigger, "plan", "docx", result, _code("Växjö"))
    document = docx.Document(io.BytesIO(base64.b64decode(download["content"])))
    assert any("Växjö" in p.text for p in document.paragraphs)
    assert document.tables, "the action table is a real Word table"


def test_the_follow_up_needs_corrections(trigger, result) -> None:  # type: ignore[no-untyped-def]
    download, message = _click(trigger, "follow-up", "pdf", result, "all")
    assert download is reports.no_update and "inga datarättelser" in message
    from dashapp.data import solve

    shop = str(dataset().points.ids[dataset().points.service == "grocery"][0])
    corrected = Scenario.from_dict(
        {"corrections": [{"action": "status", "point_id": shop, "status": "closed"}]}
    )
    download, _ = _click(trigger, "follow-up", "pdf", solve(corrected).to_dict(), "all")
    assert base64.b64decode(download["content"]).startswith(b"%PDF")
