"""The database engine's full-text index, in the form the database in use supports:

- SQLite: an FTS5 table whose rowid is the search entry's id, with a trigger that removes its row
  when the entry goes (however it is deleted).
- PostgreSQL: a table of two `tsvector`s per entry: `fulltext` (every field, GIN-indexed) and
  `ranking` (title and summary only, small, what relevance is computed from). The small
  toast_tuple_target moves `fulltext` out of line only for rows over about 2 KB (PostgreSQL
  toasts nothing below that), so most rows stay wide: matching goes through the GIN index, which
  never reads the vectors (see PostgresFullText.match_ids).

Both hold stems computed in Python (search/text.py), not text for the database to analyse, so the
two behave the same. The model does not declare these: search/engines/fulltext.py reads and
writes them with SQL."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE portal_search_fulltext USING fts5("
    "title, summary, labels, body, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE TRIGGER portal_search_fulltext_delete AFTER DELETE ON portal_search_searchentry "
    "BEGIN DELETE FROM portal_search_fulltext WHERE rowid = old.id; END",
    # Relevance (the `rank` column): bm25 with the title counting most, then summary, labels, body.
    "INSERT INTO portal_search_fulltext (portal_search_fulltext, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0)')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS portal_search_fulltext_delete",
    "DROP TABLE IF EXISTS portal_search_fulltext",
]
# Triggers rather than a foreign key: Django truncates its own tables (test flushes) without
# CASCADE, and PostgreSQL refuses to truncate a table that another table references. The triggers
# keep the same promise: no full-text row outlives its entry, however entries are removed.
POSTGRES_FORWARD = [
    "CREATE TABLE portal_search_fulltext ("
    "entry_id bigint PRIMARY KEY, "
    "fulltext tsvector NOT NULL, ranking tsvector NOT NULL) WITH (toast_tuple_target = 128)",
    "ALTER TABLE portal_search_fulltext ALTER COLUMN fulltext SET STORAGE EXTERNAL",
    "CREATE INDEX portal_search_fulltext_gin ON portal_search_fulltext USING gin (fulltext)",
    "CREATE FUNCTION portal_search_fulltext_delete() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN DELETE FROM portal_search_fulltext WHERE entry_id = OLD.id; RETURN OLD; END $$",
    "CREATE TRIGGER portal_search_fulltext_delete AFTER DELETE ON portal_search_searchentry "
    "FOR EACH ROW EXECUTE FUNCTION portal_search_fulltext_delete()",
    "CREATE FUNCTION portal_search_fulltext_truncate() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN TRUNCATE portal_search_fulltext; RETURN NULL; END $$",
    "CREATE TRIGGER portal_search_fulltext_truncate AFTER TRUNCATE ON portal_search_searchentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION portal_search_fulltext_truncate()",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS portal_search_fulltext_truncate ON portal_search_searchentry",
    "DROP TRIGGER IF EXISTS portal_search_fulltext_delete ON portal_search_searchentry",
    "DROP FUNCTION IF EXISTS portal_search_fulltext_truncate()",
    "DROP FUNCTION IF EXISTS portal_search_fulltext_delete()",
    "DROP TABLE IF EXISTS portal_search_fulltext",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
