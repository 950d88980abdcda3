"""Dates: every temporal expression, resolved on the calendar against the publication date."""

from .extract import extract_dates

__all__ = ["extract_dates"]
