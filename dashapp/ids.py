"""Every component id in one place, so layout, callbacks and tests agree."""

LANGUAGE = "language"
LANGUAGE_STORE = "language-store"
PAGE = "page"
URL = "url"

MAP = "map"
MAP_BASE_TILES = "map-base-tiles"
MAP_KOMMUNER = "map-kommuner"
MAP_PLACES = "map-places"
MAP_DEMAND = "map-demand"
MAP_TILE_NOTE = "map-tile-note"


def map_points(service: str) -> str:
    return f"map-points-{service}"
