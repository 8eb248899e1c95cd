"""Security headers and a request-size limit for every response the app serves.

The Content-Security-Policy allows what Dash needs and nothing else: scripts only from the app
itself plus the hash of Dash's one inline script (``app.csp_hashes()``); styles from the app and
inline style attributes (React sets them); images from the app, ``data:`` URIs (Leaflet's icons)
and the tile server named in the settings; requests only to the app. ``frame-ancestors 'none'``
and ``X-Frame-Options: DENY`` stop another site from framing the app. See docs/security.md.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import dash
import flask

from dashapp.settings import Settings

MAX_REQUEST_BYTES = 16 * 1024 * 1024  # an upload of 10 MB grows by a third as base64


def tile_origin(tile_url: str) -> str:
    """``https://tile.openstreetmap.org`` from a tile URL template; empty for no tiles."""
    parts = urlsplit(tile_url.strip())
    if not (parts.scheme and parts.netloc):
        return ""
    host = re.sub(r"\{[a-z]+\}", "*", parts.netloc)  # {s}.tile.example.org → *.tile…
    return f"{parts.scheme}://{host}" if "{" not in host else f"{parts.scheme}:"


def content_security_policy(app: dash.Dash, settings: Settings) -> str:
    images = " ".join(filter(None, ["'self'", "data:", tile_origin(settings.tile_url)]))
    scripts = " ".join(["'self'", *app.csp_hashes()])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            f"img-src {images}",
            "connect-src 'self'",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def add_security_headers(app: dash.Dash, settings: Settings) -> None:
    """Every response carries the headers; request bodies above the limit get HTTP 413."""
    policy = content_security_policy(app, settings)
    server: flask.Flask = app.server

    def headers(response: flask.Response) -> flask.Response:
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        # same-origin keeps the full page address on Dash's own layout request (the link's
        # scenario is read from it) and sends nothing to other sites
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    server.after_request(headers)
