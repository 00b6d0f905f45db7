"""Big articles: the window's limit (one clear line), analysis in batches that a cancelled
job stops at once, and the same claims batch by batch as in one piece."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from app.errors import UserError
from app.text import claims as claims_module
from app.text.article_limit import MAX_ARTICLE_BYTES, check_readable, short_name
from app.text.claims import analyse
from ui.jobs import import_text
from ui.tasks import Cancelled, Progress

PARAGRAPH = (
    "Le ministre Jean Dupont a déclaré que le chômage avait baissé de 12 % en 2019. "
    "Selon l'Insee, 3,5 millions de personnes cherchaient un emploi en mars. "
    "Il a ajouté que la dette publique atteindrait 120 % du PIB l'an prochain. "
)


def test_past_the_limit_the_window_refuses_in_one_line(db: Database) -> None:
    text = PARAGRAPH * (MAX_ARTICLE_BYTES // len(PARAGRAPH.encode()) + 10)
    reports: list[tuple[int, int, str]] = []
    with pytest.raises(UserError) as refused:
        import_text(db, Progress(lambda *a: reports.append(a)), text)
    message = str(refused.value)
    assert "\n" not in message and "limit 1 MB" in message and "1.0 MB" in message
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    check_readable(PARAGRAPH * 10, "small")  # well under: nothing said


def test_a_name_for_the_message() -> None:
    assert short_name("rapport", "x") == "rapport"
    assert short_name("", PARAGRAPH).startswith("« Le ministre Jean Dupont")


class _Pressing:
    """A job's progress whose Cancel the test presses."""

    def __init__(self) -> None:
        self.pressed = False

    @property
    def cancelled(self) -> bool:
        return self.pressed

    def check(self) -> None:
        if self.pressed:
            raise Cancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        self.check()


def test_a_cancelled_analysis_stops_after_the_batch_it_was_pressed_in(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = PARAGRAPH * 400  # 1,200 sentences: 6 batches of 200
    progress = _Pressing()
    analysed: list[int] = []
    real = claims_module._claims_and_context

    def first_batch_then_cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        analysed.append(len(args[1]))
        progress.pressed = True  # the checker presses Cancel while the first batch runs
        return real(*args, **kwargs)

    monkeypatch.setattr(claims_module, "_claims_and_context", first_batch_then_cancel)
    with pytest.raises(Cancelled):
        import_text(db, progress, text)
    assert analysed == [200]  # 1 batch of the 6: it stopped right after
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_batches_give_the_claims_of_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (PARAGRAPH + "Il l'a répété devant les députés. ") * 30
    whole = analyse(text, "fr")
    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(claims_module, "BATCH_SENTENCES", 7)
    batched = analyse(text, "fr", on_batch=lambda done, total: seen.append((done, total)))
    assert [c.to_json() for c in batched.claims] == [c.to_json() for c in whole.claims]
    assert seen[-1] == (len(whole.sentences), len(whole.sentences))
    assert len(seen) == -(-len(whole.sentences) // 7)
