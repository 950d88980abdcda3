"""Operations: request ids, JSON logs and Prometheus metrics.

This package's ``__init__`` imports nothing: ``service.gunicorn_conf`` imports
``logs`` and ``multiproc`` before prometheus_client may be imported (see multiproc.py).
"""
