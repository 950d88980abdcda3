"""Helpers of bench/speed.py: the test texts, the HTTP load generator, the printed report."""
