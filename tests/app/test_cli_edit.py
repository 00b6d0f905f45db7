"""`crible edit`: one change per transaction, `saved` printed only once it is committed."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.cli import main
from app.storage import open_archive
from app.storage.claims import add_claim, get_claim
from app.storage.scales import default_scale
from app.storage.sources import sources_of_claim


@pytest.fixture
def archive(db_path):
    db = open_archive(db_path)
    add_claim(db, text="Le Venezuela a reçu 300 t d'aide russe", lang="fr")
    add_claim(db, text="Colombia broke off relations", lang="en")
    db.close()
    return db_path


def _claim(path, claim_id=1):
    db = open_archive(path)
    try:
        return get_claim(db, claim_id), sources_of_claim(db, claim_id), default_scale(db)
    finally:
        db.close()


def test_edit_claim_fields(archive, capsys):
    code = main(
        [
            "edit",
            "1",
            "--status",
            "checked",
            "--verdict",
            "false",
            "--verdict-text",
            "Non",
            "--note",
            "vu",
            "--claimant",
            "X",
            "--db",
            str(archive),
        ]
    )
    assert code == 0
    assert (
        capsys.readouterr().out == "saved claim 1 (claimant, note, status, verdict, verdict_text)\n"
    )
    claim, _, scale = _claim(archive)
    level = next(lv for lv in scale.levels if lv.key == "false")
    assert (claim.status, claim.verdict_level_id, claim.verdict_text, claim.notes) == (
        "checked",
        level.id,
        "Non",
        "vu",
    )
    assert claim.claimant == "X"


def test_verdict_by_label_and_cleared(archive, capsys):
    assert main(["edit", "1", "--verdict", "plutôt FAUX", "--db", str(archive)]) == 0
    assert _claim(archive)[0].verdict_level_id is not None
    assert main(["edit", "1", "--verdict", "none", "--db", str(archive)]) == 0
    assert _claim(archive)[0].verdict_level_id is None


def test_add_source(archive, capsys):
    code = main(
        [
            "edit",
            "2",
            "--add-source",
            "https://example.org/a",
            "--stance",
            "refutes",
            "--excerpt",
            "no",
            "--json",
            "--db",
            str(archive),
        ]
    )
    assert code == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved["saved"] == "source" and saved["claim_id"] == 2
    [link] = _claim(archive, 2)[1]
    assert (link.id, link.stance, link.excerpt, link.source.url) == (
        saved["link_id"],
        "refutes",
        "no",
        "https://example.org/a",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["edit", "99", "--status", "checked"], "no claim 99"),
        (["edit", "1", "--verdict", "bogus"], "unknown verdict"),
        (["edit", "1", "--add-source", "javascript:alert(1)"], "only http(s)"),
        (["edit", "1", "--add-source", "file:///etc/passwd"], "only http(s)"),
        (["edit", "1"], "nothing to change"),
        (["edit"], "give a CLAIM_ID"),
        (["edit", "1", "--batch", "-"], "not both"),
        (["edit", "--batch", "/nonexistent/edits.jsonl"], "cannot read"),
    ],
)
def test_bad_edits_are_one_line_and_change_nothing(archive, capsys, argv, message):
    before = _claim(archive)
    assert main([*argv, "--db", str(archive)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert _claim(archive)[:2] == before[:2]


def test_bad_status_is_usage_error(archive, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["edit", "1", "--status", "done", "--db", str(archive)])
    assert stop.value.code == 2


def test_batch_applies_in_order_and_skips_bad_lines(archive, tmp_path, capsys):
    edits = tmp_path / "edits.jsonl"
    lines = [
        {"claim": 1, "status": "in_progress", "note": "a"},
        "not json",
        {"claim": 1, "add_source": {"url": "https://ex.org/1", "stance": "supports"}},
        {"claim": 5, "status": "checked"},
        {"claim": 2, "verdict": "true", "add_source": "https://ex.org/2"},
        {"claim": 2, "bogus": 1},
        {"claim": "2", "status": "checked"},
        {"claim": 1, "status": "checked"},
    ]
    edits.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n")
    assert main(["edit", "--batch", str(edits), "--json", "--db", str(archive)]) == 2
    captured = capsys.readouterr()
    saved = [json.loads(line) for line in captured.out.splitlines()]
    assert [(s["line"], s["saved"]) for s in saved] == [
        (1, "claim"),
        (3, "source"),
        (5, "claim"),
        (5, "source"),
        (8, "claim"),
    ]
    errors = captured.err.splitlines()
    assert [e.split(":")[1].strip() for e in errors] == ["line 2", "line 4", "line 6", "line 7"]
    claim, links, _ = _claim(archive)
    assert claim.status == "checked" and claim.notes == "a"
    assert [link.source.url for link in links] == ["https://ex.org/1"]


def test_batch_from_stdin(archive, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"claim": 2, "note": "from stdin"}\n'))
    assert main(["edit", "--batch", "-", "--db", str(archive)]) == 0
    assert capsys.readouterr().out == "saved claim 2 (note)\n"
    assert _claim(archive, 2)[0].notes == "from stdin"


def test_saved_is_printed_after_commit(archive, capsys, monkeypatch):
    """The line appears only when another connection can already read the change."""
    import app.cli.edit as edit_module

    seen = []
    real_report = edit_module._report

    def checking_report(*args, **kwargs):
        conn = sqlite3.connect(str(archive))
        seen.append(conn.execute("SELECT notes FROM claims WHERE id = 1").fetchone()[0])
        conn.close()
        real_report(*args, **kwargs)

    monkeypatch.setattr(edit_module, "_report", checking_report)
    assert main(["edit", "1", "--note", "committed", "--db", str(archive)]) == 0
    assert seen == ["committed"]


def test_batch_of_only_broken_lines_fails(archive, tmp_path, capsys):
    edits = tmp_path / "broken.jsonl"
    edits.write_text("{oops\n[1, 2]\n")
    assert main(["edit", "--batch", str(edits), "--db", str(archive)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "crible: line 1: not JSON (Expecting property name enclosed in double quotes)",
        "crible: line 2: an edit is a JSON object",
    ]


def test_stance_without_a_source_says_what_is_missing(db_path, capsys):
    from app.cli import main
    from app.storage import open_archive
    from app.storage.claims import add_claim

    db = open_archive(db_path)
    claim = add_claim(db, text="Une affirmation")
    db.close()
    assert main(["edit", str(claim.id), "--stance", "refutes", "--db", str(db_path)]) == 2
    assert "--add-source" in capsys.readouterr().err
