"""Quotes: quotation marks paired, each quote's cue found and its speaker resolved."""

from .extract import extract_quotes

__all__ = ["extract_quotes"]
