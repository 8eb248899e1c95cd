"""Checking a file a user uploads, with the same readers the build step uses (pure)."""

from __future__ import annotations

import base64
import binascii

from models.dataset import Dataset
from models.errors import Problem
from models.importers import (
    read_population_grid,
    read_service_points,
    read_smaorter,
    read_travel_matrix,
)


def check_upload(
    kind: str, contents: str, filename: str, dataset: Dataset
) -> tuple[int, list[Problem]]:
    """Rows read and every problem found, for a ``dcc.Upload`` data URL."""
    try:
        raw = base64.b64decode(contents.split(",", 1)[1])
    except (IndexError, binascii.Error):
        return 0, [
            Problem(
                filename, None, None, "filen kunde inte tas emot", "the file could not be received"
            )
        ]
    if kind == "population_grid":
        frame, problems = read_population_grid(raw)
    elif kind == "smaorter":
        frame, problems = read_smaorter(raw, set(dataset.kommun_kod))
    elif kind == "travel_matrix":
        frame, problems = read_travel_matrix(raw, set(dataset.demand.ids), set(dataset.places.ids))
    else:
        frame, problems = read_service_points(raw, dataset.registry)
    named = [Problem(filename, p.row, p.column, p.message_sv, p.message_en) for p in problems]
    return len(frame), named
