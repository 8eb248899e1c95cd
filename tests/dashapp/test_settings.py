"""Settings are read from the environment once, with command-line overrides."""

from __future__ import annotations

from pathlib import Path

from dashapp.settings import DEFAULT_DB, DEFAULT_TILE_URL, Settings
from models.paths import embedded_data_dir


def test_defaults_serve_the_embedded_region_with_osm_tiles() -> None:
    settings = Settings.from_env({})
    assert settings.data_dir == embedded_data_dir()
    assert settings.database_path == DEFAULT_DB
    assert settings.tile_url == DEFAULT_TILE_URL and settings.tiles_online


def test_environment_and_overrides(tmp_path: Path) -> None:
    environ = {
        "SERVICEKARTAN_DATA": str(tmp_path / "a"),
        "SERVICEKARTAN_DB": str(tmp_path / "s.sqlite3"),
        "SERVICEKARTAN_TILE_URL": "none",
    }
    settings = Settings.from_env(environ)
    assert settings.data_dir == tmp_path / "a" and not settings.tiles_online
    assert Settings.from_env(environ, data_dir=tmp_path / "b").data_dir == tmp_path / "b"
    assert Settings.from_env(environ, data_dir=None).data_dir == tmp_path / "a"


def test_importing_the_app_module_does_no_work() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dashapp.app; from models.dataset import _load_cached; "
        "print(_load_cached.cache_info().currsize, 'dashapp.callbacks' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"]  # no data read, no callback registered
