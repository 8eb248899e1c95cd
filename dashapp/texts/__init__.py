"""Every text the UI shows, Swedish then English, one module per part of the app; merged once
into ``dashapp.i18n.TEXT``. A key defined twice is an error at import, not a silent overwrite."""

from __future__ import annotations

from collections.abc import Mapping

from dashapp.texts import app, background, data_tab, rooms


def merged(*tables: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """One table from several; raises ValueError naming any key two of them define."""
    text: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = sorted(text.keys() & table.keys())
        if twice:
            raise ValueError(f"text keys defined twice: {', '.join(twice)}")
        text.update(table)
    return text


TEXT = merged(app.TEXT, data_tab.TEXT, rooms.TEXT, background.TEXT)
