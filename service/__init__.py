"""newsextract: structured facts (date, actors, locations, quotes, figures) from news text."""

__version__ = "1.0.0"
