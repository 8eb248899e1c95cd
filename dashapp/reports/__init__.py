"""Printable reports (HTML and PDF): the nulägesanalys of a kommun or the county, and the
follow-up between two data revisions. ``report_bytes`` is the one entry point (docs/reports.md).
"""

from dashapp.reports.api import ReportError, find_kommun, report_bytes

__all__ = ["ReportError", "find_kommun", "report_bytes"]
