"""gunicorn settings for the load and fault benchmarks: each worker notes when it is ready.

``post_worker_init`` runs in a worker once it has loaded the app, so a line here means the
worker serves requests; the fault benchmark reads it to time a killed worker's replacement.

With ``BENCH_WARM_UP=1`` the worker first sends itself one request, so Dash finishes its
set-up (``Dash._setup_server``: the callback map) before any real request arrives; this is
the change docs/reliability.md proposes for ``dashapp/wsgi.py``, tried here without it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any


def post_worker_init(worker: Any) -> None:
    if os.environ.get("BENCH_WARM_UP") == "1":
        worker.wsgi.test_client().get("/_dash-dependencies")
    path = os.environ.get("BENCH_READY_FILE")
    if path:
        with Path(path).open("a", encoding="utf-8") as ready:
            ready.write(f"{worker.pid} {time.time():.3f}\n")
