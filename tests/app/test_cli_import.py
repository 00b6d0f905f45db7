"""`crible import`: JSON report, exit codes, errors on stderr, progress only on a terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from app.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "claims.csv"
    path.write_text("text,verdict,url\nune affirmation,Faux,https://v.example/1\n,Vrai,\n", "utf-8")
    return path


def test_json_report_and_exit_0_when_some_records_are_bad(db_path, tmp_path, capsys) -> None:
    code = main(["import", "--db", str(db_path), str(_csv(tmp_path)), "--json"])

    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["imported"] == 1 and out["skipped"] == 1
    assert len(out["errors"]) == 1 and "claims.csv#1: no claim text" in out["errors"][0]


def test_text_report_lists_errors_on_stderr(db_path, tmp_path, capsys) -> None:
    missing = tmp_path / "missing.json"
    code = main(["import", "--db", str(db_path), str(_csv(tmp_path)), str(missing)])

    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.strip() == "imported 1, skipped 1, errors 2"
    assert f"crible: {missing}: no such file" in captured.err.splitlines()


def test_exit_2_when_no_file_could_be_read(db_path, tmp_path, capsys) -> None:
    text = tmp_path / "notes.md"
    text.write_text("# notes", "utf-8")
    code = main(["import", "--db", str(db_path), str(tmp_path / "nope.json"), str(text), "--json"])

    out = json.loads(capsys.readouterr().out)
    assert code == 2
    assert out["imported"] == 0 and len(out["errors"]) == 2


def test_seeds_import_from_the_command_line_then_nothing_new(db_path, capsys) -> None:
    files = [str(p) for p in sorted(SEEDS.iterdir()) if p.suffix in {".json", ".jsonld", ".csv"}]
    assert main(["import", "--db", str(db_path), *files, "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["import", "--db", str(db_path), *files, "--json"]) == 0
    second = json.loads(capsys.readouterr().out)

    assert first["imported"] >= 60 and first["errors"] == []
    assert second == {
        "imported": 0,
        "skipped": first["imported"],
        "duplicates": first["imported"],
        "errors": [],
        "warnings": [],
    }


def test_subprocess_has_no_traceback_and_no_progress_when_not_a_terminal(db_path, tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text(
        "".join(json.dumps({"text": f"claim {n}", "url": f"u{n}"}) + "\n" for n in range(6000)),
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "app", "import", "--db", str(db_path), str(big)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "imported 6000, skipped 0, errors 0"
    assert done.stderr == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal_for_large_imports(db_path, tmp_path, monkeypatch) -> None:
    import app.cli.import_cmd as import_cmd

    monkeypatch.setattr(import_cmd, "PROGRESS_FROM", 2)
    monkeypatch.setattr(import_cmd, "PROGRESS_EVERY_S", 0.0)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"text": f"c{n}"}) + "\n" for n in range(5)), "utf-8")

    assert main(["import", "--db", str(db_path), str(path), "--batch-size", "2"]) == 0
    assert terminal.getvalue() == (
        "\rreading records: 2/5\rreading records: 4/5\rreading records: 5/5\n"
    )
