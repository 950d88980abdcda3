# syntax=docker/dockerfile:1
# newsextract: multi-stage build; the spaCy pipeline is a pinned PyPI package installed
# here, at build time, so nothing downloads when the container runs.

FROM python:3.11-slim AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY requirements.lock ./
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-compile -r requirements.lock

FROM python:3.11-slim AS runtime
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PORT=8000
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin newsx
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY service/ ./service/
COPY schemas/ ./schemas/
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/healthz', timeout=4)"]
CMD ["gunicorn", "-c", "python:service.gunicorn_conf", "service.app:create_app()"]
