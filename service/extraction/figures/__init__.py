"""Figures: numbers with what they count, their unit and qualifier."""

from .extract import extract_figures

__all__ = ["extract_figures"]
