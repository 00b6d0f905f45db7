"""The archive's schema: numbered, append-only migrations (never edit an applied one)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("crible")

CLAIM_STATUSES = ("to_check", "in_progress", "checked", "not_checkworthy")
STANCES = ("supports", "refutes", "context")
LINK_KINDS = ("same", "not_same")


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    statuses = ", ".join(f"'{s}'" for s in CLAIM_STATUSES)
    stances = ", ".join(f"'{s}'" for s in STANCES)
    kinds = ", ".join(f"'{k}'" for k in LINK_KINDS)
    db.executescript(
        f"""
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            url TEXT,
            outlet TEXT,
            author TEXT,
            published TEXT,
            lang TEXT,
            text TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'paste',
            added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE rating_scales (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            is_default INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE rating_levels (
            id INTEGER PRIMARY KEY,
            scale_id INTEGER NOT NULL REFERENCES rating_scales(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            label_fr TEXT NOT NULL,
            label_en TEXT NOT NULL,
            value REAL CHECK (value IS NULL OR (value >= 0 AND value <= 1)),
            color TEXT NOT NULL DEFAULT '#888888',
            UNIQUE (scale_id, key)
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER,
            "end" INTEGER,
            position INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            norm_text TEXT NOT NULL DEFAULT '',
            norm_title TEXT NOT NULL DEFAULT '',
            lang TEXT,
            origin TEXT NOT NULL DEFAULT 'article',
            status TEXT NOT NULL DEFAULT 'to_check' CHECK (status IN ({statuses})),
            checkworthiness REAL,
            reasons TEXT NOT NULL DEFAULT '[]',
            speaker TEXT,
            claimant TEXT,
            claim_date TEXT,
            verdict_level_id INTEGER REFERENCES rating_levels(id) ON DELETE SET NULL,
            verdict_text TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            CHECK ((start IS NULL AND "end" IS NULL) OR (start >= 0 AND "end" >= start))
        );
        CREATE INDEX claims_article ON claims(article_id, position);
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            dedup_key TEXT NOT NULL UNIQUE,
            publisher TEXT NOT NULL DEFAULT '',
            publisher_site TEXT,
            url TEXT,
            date_published TEXT,
            headline TEXT NOT NULL DEFAULT '',
            textual_rating TEXT NOT NULL DEFAULT '',
            rating_value REAL,
            best_rating REAL,
            worst_rating REAL,
            rating_norm REAL CHECK (rating_norm IS NULL OR (rating_norm >= 0 AND rating_norm <= 1)),
            lang TEXT,
            origin TEXT NOT NULL DEFAULT 'import',
            jsonld TEXT,
            imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX reviews_claim ON reviews(claim_id);
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            publisher TEXT NOT NULL DEFAULT '',
            published_date TEXT,
            domain TEXT NOT NULL DEFAULT '',
            archive_url TEXT,
            snapshot_text TEXT,
            snapshot_at TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX sources_url ON sources(url);
        CREATE TABLE claim_sources (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            stance TEXT NOT NULL DEFAULT 'context' CHECK (stance IN ({stances})),
            excerpt TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            accessed_date TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (claim_id, source_id)
        );
        CREATE INDEX claim_sources_source ON claim_sources(source_id);
        CREATE TABLE claim_links (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            other_claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ({kinds})),
            score REAL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (claim_id, other_claim_id),
            CHECK (claim_id != other_claim_id)
        );
        CREATE INDEX claim_links_other ON claim_links(other_claim_id);
        CREATE TABLE domain_ratings (
            domain TEXT PRIMARY KEY,
            rating TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE VIRTUAL TABLE claims_fts USING fts5(
            norm_text, norm_title,
            content='claims', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, norm_text, norm_title)
            VALUES (new.id, new.norm_text, new.norm_title);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, norm_text, norm_title)
            VALUES ('delete', old.id, old.norm_text, old.norm_title);
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF norm_text, norm_title ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, norm_text, norm_title)
            VALUES ('delete', old.id, old.norm_text, old.norm_title);
            INSERT INTO claims_fts(rowid, norm_text, norm_title)
            VALUES (new.id, new.norm_text, new.norm_title);
        END;
        """
    )
    _insert_default_scale(db)


def _insert_default_scale(db: Database) -> None:
    """The default verdict scale, in French and English; editable in settings."""
    scale_id = db.execute(
        "INSERT INTO rating_scales(name, is_default) VALUES (?, 1)", ["Crible"]
    ).lastrowid
    levels = [
        ("true", "Vrai", "True", 1.0, "#2e7d32"),
        ("mostly_true", "Plutôt vrai", "Mostly true", 0.75, "#689f38"),
        ("mixed", "Mitigé", "Mixed", 0.5, "#f9a825"),
        ("misleading", "Trompeur", "Misleading", 0.35, "#ef6c00"),
        ("mostly_false", "Plutôt faux", "Mostly false", 0.25, "#e64a19"),
        ("false", "Faux", "False", 0.0, "#c62828"),
        ("unverifiable", "Invérifiable", "Unverifiable", None, "#757575"),
    ]
    for position, (key, label_fr, label_en, value, color) in enumerate(levels):
        db.execute(
            "INSERT INTO rating_levels(scale_id, position, key, label_fr, label_en, value, color)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [scale_id, position, key, label_fr, label_en, value, color],
        )


@MIGRATIONS(name="0002_claims_fts_vocab")
def m0002_claims_fts_vocab(db: Database) -> None:
    # Document frequencies of normalised terms: matching queries the rarest terms first.
    db.execute("CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row')")


@MIGRATIONS(name="0003_normalizer_version")
def m0003_normalizer_version(db: Database) -> None:
    # A new archive's claims are all normalised by the running code: stamp its version, so the
    # first matcher does not rebuild what was just built. (Matching rebuilds on a mismatch.)
    from app.text.normalize import NORMALIZER_VERSION

    db.execute(
        "INSERT OR IGNORE INTO settings(key, value) VALUES ('normalizer_version', ?)",
        [NORMALIZER_VERSION],
    )


# Claims m0004 compares with what the running normaliser makes of them (spread over the ids).
_STALE_SAMPLE = 200


@MIGRATIONS(name="0004_rebuild_stale_norm_text")
def m0004_rebuild_stale_norm_text(db: Database) -> None:
    # 0003 stamped the running normaliser's version on archives made before it too, whose
    # normalised text an older normaliser had made: they were never rebuilt (a query scored
    # 62.8 "related" there, 95.3 "match" on a fresh archive). When a sample of claims is not
    # what the normaliser makes of them now, the stamp goes, and the next matcher rebuilds.
    from app.text.normalize import index_text

    total = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    step = max(1, total // _STALE_SAMPLE)
    rows = db.execute(
        "SELECT text, title, lang, norm_text, norm_title FROM claims"
        " WHERE id % ? = 0 OR id = (SELECT min(id) FROM claims) LIMIT ?",
        [step, _STALE_SAMPLE + 1],
    ).fetchall()
    stale = any(
        index_text(text, lang) != norm_text or index_text(title or "", lang) != norm_title
        for text, title, lang, norm_text, norm_title in rows
    )
    if stale:
        db.execute("DELETE FROM settings WHERE key = 'normalizer_version'")


@MIGRATIONS(name="0005_claim_statement")
def m0005_claim_statement(db: Database) -> None:
    # The claim as a checker writes it, self-contained ("Juan Guaido s'est autoproclamé…" for
    # the clause "qui s'est autoproclamé…"); ``text`` stays the article's exact span. Empty for
    # claims stored before: readers fall back to the text (``Claim.statement_or_text``).
    db.execute("ALTER TABLE claims ADD COLUMN statement TEXT NOT NULL DEFAULT ''")


@MIGRATIONS(name="0006_review_fields")
def m0006_review_fields(db: Database) -> None:
    # What a published ClaimReview needs beyond the verdict: the statement as reviewed (NULL:
    # derived from the claim), the fact-check page, its headline, the reviewer and its date.
    # Articles already have title/url/outlet/author/published (0001), claims their claim_date.
    existing = {row[1] for row in db.execute("PRAGMA table_info(claims)").fetchall()}
    for column, definition in (
        ("claim_reviewed", "TEXT"),
        ("review_url", "TEXT"),
        ("review_headline", "TEXT NOT NULL DEFAULT ''"),
        ("reviewer", "TEXT NOT NULL DEFAULT ''"),
        ("review_date", "TEXT"),
        ("claim_date", "TEXT"),
    ):
        if column not in existing:
            db.execute(f"ALTER TABLE claims ADD COLUMN {column} {definition}")


@MIGRATIONS(name="0007_team_sync")
def m0007_team_sync(db: Database) -> None:
    # Team sync (app/sync): the local side of replication with the desk's PostgreSQL database.
    # The capture triggers are not created here: only an archive that joins a team gets them
    # (app.storage.sync_capture), so an archive that never syncs pays nothing.
    db.executescript(
        """
        ALTER TABLE claims ADD COLUMN assigned_to TEXT;
        CREATE INDEX claims_assigned ON claims(assigned_to) WHERE assigned_to IS NOT NULL;
        CREATE TABLE sync_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            enabled INTEGER NOT NULL DEFAULT 0,
            applying INTEGER NOT NULL DEFAULT 0,
            hlc INTEGER NOT NULL DEFAULT 0,
            member TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            server TEXT NOT NULL DEFAULT '',
            last_pulled INTEGER NOT NULL DEFAULT 0,
            last_sync TEXT,
            capture_hash TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO sync_state(id) VALUES (1);
        CREATE TABLE sync_rows (
            tbl TEXT NOT NULL,
            local_id INTEGER NOT NULL,
            gid TEXT NOT NULL UNIQUE,
            base_hlc INTEGER NOT NULL DEFAULT 0,
            base_origin TEXT NOT NULL DEFAULT '',
            versions TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (tbl, local_id)
        ) WITHOUT ROWID;
        CREATE TABLE sync_tombstones (
            gid TEXT PRIMARY KEY,
            hlc INTEGER NOT NULL,
            origin TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE sync_outbox (
            seq INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            gid TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
            fields TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            author TEXT NOT NULL,
            base_seq INTEGER NOT NULL
        );
        CREATE INDEX sync_outbox_gid ON sync_outbox(gid);
        CREATE TABLE sync_history (
            server_seq INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            gid TEXT NOT NULL,
            op TEXT NOT NULL,
            fields TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            origin TEXT NOT NULL,
            author TEXT NOT NULL,
            pushed_at TEXT NOT NULL
        );
        CREATE INDEX sync_history_gid ON sync_history(gid, server_seq);
        CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY,
            server_seq INTEGER NOT NULL,
            tbl TEXT NOT NULL,
            gid TEXT NOT NULL,
            field TEXT NOT NULL,
            kept_value TEXT,
            kept_author TEXT NOT NULL,
            other_value TEXT,
            other_author TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0,
            UNIQUE (server_seq, gid, field)
        );
        CREATE INDEX sync_conflicts_gid ON sync_conflicts(gid);
        """
    )


@MIGRATIONS(name="0008_claim_vectors")
def m0008_claim_vectors(db: Database) -> None:
    # Sentence vectors for the semantic matching channel (app/matching/semantic.py): one int8
    # BLOB per claim and model. ``id`` grows on every write, so (count, max id) tells a
    # matcher its cached matrix is stale. A claim's text or title edited drops its vector (the
    # background build computes it again); a claim deleted takes its vector with it. One
    # statement per execute (not executescript, which would commit the migration's transaction).
    db.execute(
        """
        CREATE TABLE claim_vectors (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            UNIQUE (claim_id, model)
        )
        """
    )
    db.execute("CREATE INDEX claim_vectors_model ON claim_vectors(model, id)")
    db.execute(
        """
        CREATE TRIGGER claim_vectors_stale AFTER UPDATE OF text, title ON claims
        WHEN old.text IS NOT new.text OR old.title IS NOT new.title
        BEGIN
            DELETE FROM claim_vectors WHERE claim_id = new.id;
        END
        """
    )
