"""Benchmarks: quality against gold files, speed against raw spaCy."""
