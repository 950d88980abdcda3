"""hypothesis-generated raw requests to POST /v1/extract: no 5xx, no dead worker.

Bodies are arbitrary bytes, text in many encodings (lone surrogates included), JSON of
any shape and nesting, and near-valid article JSON; Content-Type headers carry every
kind of charset (text encodings, bytes-to-bytes codecs, unknown names). Against a real
gunicorn (2 workers) the run counts statuses and compares the workers' pids before and
after. ``tests/api/test_fuzz_http.py`` runs the same strategy through Flask's client.

    .venv/bin/python bench/fuzz_http.py [--examples 2000]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CHARSETS = ("utf-8", "UTF8", "latin-1", "ascii", "cp1252", "utf-16", "utf-16-le", "utf-32",
            "utf-7", "unicode_escape", "raw_unicode_escape", "base64", "rot13", "hex", "zlib",
            "bz2", "uu", "quopri", "idna", "punycode", "bogus", "", "utf-8-sig", "mbcs")
MEDIA = ("text/plain", "application/json", "text/html", "application/x-www-form-urlencoded",
         "multipart/form-data", "")


@st.composite
def content_types(draw) -> str:
    # Mostly the two accepted types, so most requests reach the decoder and the parser.
    media = draw(st.sampled_from(MEDIA[:2] * 6 + MEDIA[2:]))
    if draw(st.booleans()):
        return media
    # Any printable ASCII: a header value cannot carry a line break.
    charset = draw(st.sampled_from(("utf-8",) * 8 + CHARSETS) | st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12))
    return f"{media}; charset={charset}"


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12,
)


@st.composite
def article_json(draw) -> bytes:
    """Near-valid request objects: right or wrong keys and types, edge dates."""
    payload: dict = {}
    if draw(st.booleans()):
        payload["text"] = draw(st.text(min_size=0, max_size=300) | _json_values)
    if draw(st.booleans()):
        payload["published"] = draw(st.dates().map(str) | st.text(max_size=12) | _json_values)
    if draw(st.booleans()):
        payload["id"] = draw(st.text(max_size=250) | _json_values)
    if draw(st.booleans()):
        payload[draw(st.text(max_size=6))] = draw(_json_values)
    return json.dumps(payload).encode()


@st.composite
def nested(draw) -> bytes:
    depth = draw(st.integers(0, 3000))
    opener, closer = draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}")]))
    inner = opener * depth + b"1" + closer * depth
    return b'{"text": ' + inner + b"}" if draw(st.booleans()) else inner


@st.composite
def encoded_text(draw) -> bytes:
    text = draw(st.text(max_size=300))
    if draw(st.booleans()):
        text += draw(st.sampled_from(["\ud800", "\udfff", "\x00", "\ufeff", "\u202e"]))
    codec = draw(st.sampled_from(["utf-8", "utf-16", "utf-7", "latin-1"]))
    return text.encode(codec, errors="surrogatepass" if codec.startswith("utf") else "replace")


@st.composite
def surrogate_json(draw) -> bytes:
    escape = draw(st.sampled_from(["\\ud800", "\\udfff", "\\ud800\\ud800", "\\udc00\\ud800"]))
    field = draw(st.sampled_from(["text", "id", "published"]))
    return f'{{"text": "Putin said it.", "{field}": "a{escape}b"}}'.encode()


requests = st.tuples(
    content_types(),
    st.binary(max_size=600) | encoded_text() | article_json() | nested() | surrogate_json()
    | _json_values.map(lambda v: json.dumps(v).encode()),
)


def run(examples: int) -> None:
    from bench.robustlib import gunicorn, post, workers_of

    statuses: collections.Counter[int] = collections.Counter()
    fives: list[tuple[str, bytes]] = []
    # Recycling off: a changed worker pid can only be a dead worker.
    with gunicorn(2, GUNICORN_MAX_REQUESTS="0", GUNICORN_MAX_WORKER_RSS_MB="0") as (port, master):
        before = workers_of(master)

        @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(requests)
        def send(request: tuple[str, bytes]) -> None:
            content_type, body = request
            status, _ = post(port, body, content_type, timeout=60)
            statuses[status] += 1
            if status >= 500 or status == 0:
                fives.append((content_type, body[:200]))

        started = time.perf_counter()
        send()
        elapsed = time.perf_counter() - started
        after = workers_of(master)
    total = sum(statuses.values())
    print(f"bench/fuzz_http.py: {total} raw requests in {elapsed:.0f} s against gunicorn "
          f"(2 workers); statuses {dict(sorted(statuses.items()))}")
    print(f"  5xx or no answer: {len(fives)}; workers killed: {len(set(before) - set(after))} "
          f"(pids {before} -> {after})")
    for content_type, body in fives[:10]:
        print(f"  FAILED {content_type!r} {body!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000)
    run(parser.parse_args().examples)


if __name__ == "__main__":
    main()
