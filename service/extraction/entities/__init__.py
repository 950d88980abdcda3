"""Entities: candidate names and the one type each gets, shared by actors and locations."""

from .mentions import find_named_mentions

__all__ = ["find_named_mentions"]
