"""Every kind of figure names its basis and its sources."""

from __future__ import annotations

from dataclasses import replace

from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.provenance import FIGURES, figure_origins
from models.region import RegionInfo


def test_kronoberg_marks_what_is_modelled_and_names_each_source() -> None:
    data = load_dataset(embedded_data_dir())
    origins = {o.figure: o for o in figure_origins(data)}
    assert list(origins) == list(FIGURES)
    assert origins["population_rural"].basis == "modelled"
    assert origins["travel_times"].basis == "modelled"
    assert origins["status"].basis == "rule"
    assert origins["costs"].basis == "mixed"  # grocery from published levels, others assumed
    assert origins["population_localities"].basis == "measured"
    # travel times and statuses come from the project's own method, stated beside them
    cited = {f for f, o in origins.items() if o.sources}
    assert cited == set(FIGURES) - {"travel_times", "status"}
    assert any("SCB" in s.source for s in origins["population_rural"].sources)
    assert not any(o.corrected for o in origins.values())


def test_a_correction_marks_the_figures_it_touches() -> None:
    data = load_dataset(embedded_data_dir())
    origins = {o.figure: o for o in figure_origins(data, {"cost"})}
    assert origins["costs"].corrected
    assert not origins["service_points"].corrected and not origins["status"].corrected


def test_a_region_without_references_or_feeds_lists_no_sources_for_them() -> None:
    data = load_dataset(embedded_data_dir())
    bare = replace(data, region=RegionInfo("Testregion", ()))
    origins = {o.figure: o for o in figure_origins(bare)}
    assert "references" not in origins
    assert all(o.sources == () for o in origins.values())
