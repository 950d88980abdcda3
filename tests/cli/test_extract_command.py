"""``newsextract extract`` in this process: inputs, problem lines, resume, exit status."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from service.cli import main

from .conftest import by_id, read_lines

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PROBLEM_BASE = "https://newsextract.dev/problems/"


def _run(*args: str) -> int:
    return main(["extract", "--no-progress", *args])


def test_cli_extract_folder_gives_the_api_body_for_every_seed(tmp_path, client, seed_texts):
    out = tmp_path / "out.jsonl"
    assert _run(str(SEEDS), "-o", str(out)) == 0
    lines = by_id(read_lines(out))
    assert sorted(lines) == sorted(str(SEEDS / name) for name in seed_texts)
    for name, text in seed_texts.items():
        api = client.post("/v1/extract", json={"text": text, "id": str(SEEDS / name)})
        assert lines[str(SEEDS / name)] == by_id([api.get_json()])[str(SEEDS / name)]


def test_cli_extract_json_lines_with_bad_lines_becomes_problem_lines(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([
        json.dumps({"id": "a", "text": "Putin said 300 troops left Kyiv.",
                    "published": "2022-02-03"}),
        "{not json", "", json.dumps({"text": "  "}), json.dumps({"text": "Kuleba spoke."}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run(str(source), "-o", str(out)) == 0
    lines = read_lines(out)
    problems = {line["id"]: line for line in lines if "status" in line}
    results = {line["id"]: line for line in lines if "status" not in line}
    assert sorted(results) == sorted(["a", f"{source}:5"])
    assert results["a"]["date"]["published"] == "2022-02-03"
    assert problems[f"{source}:2"]["type"] == PROBLEM_BASE + "malformed-json"
    assert problems[f"{source}:2"]["line"] == 2
    assert problems[f"{source}:4"]["status"] == 422


def test_cli_extract_unreadable_and_missing_files_become_problem_lines(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Putin spoke in Kyiv.", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners spoke.".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.jsonl"
    assert _run(str(latin), str(missing), str(good), "-o", str(out)) == 0
    lines = {line["id"]: line for line in read_lines(out)}
    assert lines[str(latin)]["type"] == PROBLEM_BASE + "unreadable-input"
    assert lines[str(missing)]["status"] == 400
    assert "actors" in lines[str(good)]


def test_cli_extract_reads_json_lines_from_stdin(tmp_path, monkeypatch):
    data = json.dumps({"id": "s1", "text": "Putin spoke."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    out = tmp_path / "out.jsonl"
    assert _run("-", "-o", str(out)) == 0
    assert [line["id"] for line in read_lines(out)] == ["s1"]


def test_cli_extract_returns_1_on_empty_input(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _run(str(empty), "-o", str(tmp_path / "out.jsonl")) == 1
    assert "no articles" in capsys.readouterr().err


def test_cli_extract_resume_skips_finished_ids_and_retries_problems(tmp_path):
    source = tmp_path / "in.jsonl"
    articles = [{"id": f"n{i}", "text": f"Putin met Kuleba {i} times."} for i in range(3)]
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run(str(source), "-o", str(out)) == 0
    first = read_lines(out)
    # n1 failed last time, and the run died in the middle of writing n2's line.
    problem = {"type": PROBLEM_BASE + "extraction-failed", "title": "Extraction failed",
               "status": 500, "detail": "x", "id": "n1"}
    out.write_text(json.dumps(first[0]) + "\n" + json.dumps(problem) + "\n"
                   + json.dumps(first[2])[:40], encoding="utf-8")
    assert _run(str(source), "-o", str(out), "--resume") == 0
    lines = read_lines(out)
    assert [line["id"] for line in lines] == ["n0", "n1", "n1", "n2"]
    assert by_id(lines[2:]) == by_id(first[1:])


def test_cli_rejects_resume_to_stdout(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "x.txt", "--resume"])
    assert exit_info.value.code == 2


def test_cli_module_entry_point_prints_help():
    import subprocess

    result = subprocess.run([sys.executable, "-m", "service", "extract", "--help"],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    assert "--scheduler" in result.stdout and "--resume" in result.stdout


def test_cli_rejects_concurrency_without_url():
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "x.txt", "--concurrency", "3"])
    assert exit_info.value.code == 2
