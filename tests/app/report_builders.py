"""A checked article in an archive, built through the storage API, for report/export tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.interop.records import ReviewRecord
from app.storage.articles import add_article
from app.storage.claims import add_claim, update_claim
from app.storage.links import set_claim_link
from app.storage.reviews import add_archive_reviews
from app.storage.scales import default_scale
from app.storage.settings import set_setting
from app.storage.sources import add_source, set_source_archive_url, set_source_snapshot

TEXT = (
    "Selon le ministre, le chômage a baissé de 2 % en 2025. "
    "Il affirme aussi que <script>alert('x')</script> la France a importé 300 tonnes de bœuf."
)
EARLIER_URL = "https://factuel.afp.com/doc.afp.com.ABC123"


@dataclass(frozen=True)
class Built:
    article_id: int
    first_id: int
    second_id: int
    earlier_id: int


def build_checked_article(db: Database) -> Built:
    set_setting(db, "org_name", "Les Vérificateurs")
    set_setting(db, "org_url", "https://verif.example.org")
    article = add_article(
        db,
        text=TEXT,
        title="Le ministre & les chiffres <b>du chômage</b>",
        url="https://news.example.fr/article?id=1",
        outlet="Le Quotidien",
        lang="fr",
    )
    first_end = TEXT.index(".") + 1
    first = add_claim(
        db, text=TEXT[:first_end], article_id=article.id, start=0, end=first_end, position=0
    )
    second_start = first_end + 1
    second = add_claim(
        db,
        text=TEXT[second_start:],
        article_id=article.id,
        start=second_start,
        end=len(TEXT),
        position=1,
    )
    false = next(level for level in default_scale(db).levels if level.key == "false")
    update_claim(
        db,
        first.id,
        status="checked",
        verdict_level_id=false.id,
        verdict_text="L'Insee mesure une baisse de 0,1 point.\n=SUM(A1:A9)",
        notes="Appelé le service de presse *deux fois*.",
        claimant="Le ministre",
        claim_date="2026-01-20",
        review_url="https://verif.example.org/2026/chomage",
        review_headline="Non, le chômage n'a pas baissé de 2 %",
        reviewer="Ana Dupont",
        review_date="2026-01-26",
    )
    link = add_source(
        db,
        first.id,
        url="https://www.insee.fr/fr/statistiques/1234",
        title="Chômage au T3 2025",
        publisher="Insee",
        stance="refutes",
        excerpt="Le taux de chômage recule de 0,1 point.",
    )
    set_source_archive_url(
        db, link.source.id, "https://web.archive.org/web/20260126101500/https://www.insee.fr/x"
    )
    set_source_snapshot(db, link.source.id, "Chômage au T3 2025\n\nLe taux recule.")
    add_source(db, first.id, url="https://blog.example.com/post", stance="supports")
    add_archive_reviews(
        db,
        [
            ReviewRecord(
                claim_text="La France a importé 300 tonnes de bœuf ukrainien",
                review_url=EARLIER_URL,
                publisher="AFP Factuel",
                textual_rating="Faux",
                date_published="2024-01-17",
                lang="fr",
            )
        ],
    )
    earlier_id = db.execute("SELECT claim_id FROM reviews WHERE url = ?", [EARLIER_URL]).fetchone()[
        0
    ]
    set_claim_link(db, second.id, earlier_id, "same", score=92.0)
    return Built(article.id, first.id, second.id, earlier_id)
