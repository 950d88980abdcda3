"""Locations: the places an article names, grouped and geocoded offline."""

from .extract import extract_locations

__all__ = ["extract_locations"]
