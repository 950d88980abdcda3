"""Actors: the people and organizations an article names, each once, with aliases and titles."""

from .extract import extract_actors
from .linking import link_speaker_mentions

__all__ = ["extract_actors", "link_speaker_mentions"]
