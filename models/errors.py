"""Every domain error the core raises, each with a Swedish and an English message.

The app and the command line show ``message_sv`` / ``message_en`` to people; nothing here is
a solver traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, located as precisely as the check can."""

    file: str
    row: int | None  # 1-based data row as a spreadsheet user counts it (header is row 1)
    column: str | None
    message_sv: str
    message_en: str

    def where(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"rad/row {self.row}")
        if self.column:
            parts.append(f"kolumn/column {self.column}")
        return ", ".join(parts)

    def line(self) -> str:
        return f"{self.where()}: {self.message_sv} / {self.message_en}"


class ServicekartanError(Exception):
    """Base of all domain errors; carries a message in both languages."""

    def __init__(self, message_sv: str, message_en: str) -> None:
        super().__init__(f"{message_sv} / {message_en}")
        self.message_sv = message_sv
        self.message_en = message_en

    def message(self, language: str) -> str:
        return self.message_sv if language == "sv" else self.message_en


class DataError(ServicekartanError):
    """A data folder or uploaded file fails validation; ``problems`` lists every finding."""

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        super().__init__(
            f"{count} fel i indata: " + "; ".join(p.line() for p in problems[:5]),
            f"{count} problems in the input: " + "; ".join(p.line() for p in problems[:5]),
        )
        self.problems = problems


class ScenarioError(ServicekartanError):
    """A scenario's values are invalid for the dataset (negative budget, unknown place …)."""


class InfeasibleError(ServicekartanError):
    """The scenario's constraints cannot all hold (say, locks costing more than the budget)."""


class SolverError(ServicekartanError):
    """The solver stopped without a usable solution (time limit with no incumbent, crash)."""


class ResultError(ServicekartanError):
    """A stored result cannot be read back (another version, or damaged)."""
