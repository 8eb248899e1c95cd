"""The Nuläge tab: today's access as a kommun official reads it."""

from __future__ import annotations

from typing import Any

from dash import no_update

from dashapp.callbacks.access import show_access
from dashapp.data import dataset


def test_the_county_by_time_class_with_official_figures(result: dict[str, Any]) -> None:
    rows, graph, note, places = show_access("access", "all", result, "sv")
    grocery = rows[0]
    assert grocery["service"] == "Dagligvaror"
    shares = [grocery[f"c{k}"] for k in range(4)]  # the numbers the grid sorts by
    assert abs(sum(shares) - 1) < 0.003
    # and the text it shows: 80,2 % with a non-breaking space, as a Swedish reader writes it
    assert grocery["c0_text"] == f"{100 * shares[0]:.1f}".replace(".", ",") + "\u00a0%"
    assert grocery["population_text"] == f"{grocery['population']:,.0f}".replace(",", "\u00a0")
    assert "Sverige 2014, < 5 min: 84,6\u00a0%" in grocery["reference"]
    assert rows[-1]["service"] == "Hela korgen"
    assert "Kronoberg" in note and "Modellerat" in note
    assert "inom 10 km väg; hela Sverige: 90,9\u00a0% (SCB, 2006)" in note
    assert "lagens gräns: 0,3\u00a0% (PTS (law on cash services), 2021)" in note
    assert len(graph.figure["data"]) == 4
    assert places == []  # "Mina orter" needs a kommun


def test_my_places_lists_every_place_of_the_kommun(result: dict[str, Any]) -> None:
    _, _, note, places = show_access("access", "0763", result, "sv")
    data = dataset()
    in_tingsryd = (data.places.kommun_kod == "0763") & (data.places.kind != "outside")
    assert len(places) == int(in_tingsryd.sum())
    urshult = next(p for p in places if p["place"] == "Urshult")
    assert (
        "Dagligvaror (säker)" in urshult["services"]
        or "Dagligvaror (i riskzonen)" in (urshult["services"])
    )
    assert "Tingsryd" in note
    # places without a shop that are still service points are listed with what they have
    assert any("Dagligvaror" not in p["services"] and p["services"] != "ingen" for p in places)
    # minutes sort as numbers and read with a decimal comma; a missing time is a dash
    minutes = [p["min_grocery"] for p in places if p["min_grocery"] is not None]
    assert minutes and all(isinstance(m, float) for m in minutes)
    slow = max(places, key=lambda p: p["min_grocery"] or 0.0)
    assert slow["min_grocery_text"] == f"{slow['min_grocery']:.1f}".replace(".", ",")


def test_nulage_in_english_writes_english_figures(result: dict[str, Any]) -> None:
    rows, _, _, places = show_access("access", "0763", result, "en")
    assert rows[0]["service"] == "Groceries"
    assert rows[0]["c0_text"].endswith("%") and "," not in rows[0]["c0_text"]
    big = max(places, key=lambda p: p["population"])
    assert big["population"] > 1000 and big["population_text"] == f"{big['population']:,.0f}"


def test_nothing_is_computed_while_the_tab_is_closed(result: dict[str, Any]) -> None:
    assert show_access("actions", "all", result, "sv") == (no_update,) * 4
