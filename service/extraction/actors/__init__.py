"""Actors: the people and organizations an article names, each once, with aliases and titles."""

from .extract import extract_actors

__all__ = ["extract_actors"]
