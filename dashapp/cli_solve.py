"""``servicekartan solve``, ``curve`` and ``critical`` (the optimisation commands)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_solve_commands(
    commands: Any, add_data_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    del commands, add_data_option
