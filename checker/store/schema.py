"""The store's tables (see the README's "The store" for what each holds)."""

SCHEMA_VERSION = 2  # 2: runs.status, pid and host (a killed run is marked interrupted by the next)

# PRAGMA application_id of a checker store ("CHKR"): a SQLite file without it is another program's
# database, never written to (stores made before the mark are recognised by CHECKER_TABLES)
APPLICATION_ID = 0x43484B52
CHECKER_TABLES = frozenset({"meta", "runs", "files", "articles", "sentences", "claims"})

# columns added since the first stores: (table, column, type), added to older stores when opened
ADDED_COLUMNS = (("runs", "status", "TEXT"), ("runs", "pid", "INTEGER"), ("runs", "host", "TEXT"))

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT, finished_at TEXT, paths TEXT, version TEXT,
    articles INTEGER, findings INTEGER, errors INTEGER, exit_code INTEGER, status TEXT, pid INTEGER, host TEXT);
CREATE TABLE IF NOT EXISTS files (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER, format TEXT,
    first_run INTEGER REFERENCES runs(id));
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, file_id TEXT REFERENCES files(id), path TEXT, part INTEGER, outlet TEXT,
    title TEXT, published TEXT, url TEXT, author TEXT, dateline TEXT, format TEXT, text TEXT,
    line_map TEXT, provenance TEXT, claims_version TEXT);
CREATE TABLE IF NOT EXISTS run_articles (
    run_id INTEGER REFERENCES runs(id), article_id TEXT REFERENCES articles(id), story_id TEXT,
    reference_earliest TEXT, reference_latest TEXT, reference_source TEXT, reference_detail TEXT,
    PRIMARY KEY (run_id, article_id));
CREATE TABLE IF NOT EXISTS sentences (
    article_id TEXT REFERENCES articles(id), idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,
    PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, article_id TEXT REFERENCES articles(id), sentence INTEGER, kind TEXT,
    start INTEGER, "end" INTEGER, text TEXT, value TEXT);
CREATE TABLE IF NOT EXISTS stories (
    run_id INTEGER REFERENCES runs(id), id TEXT, title TEXT, PRIMARY KEY (run_id, id));
CREATE TABLE IF NOT EXISTS alignments (
    run_id INTEGER REFERENCES runs(id), story_id TEXT, idx INTEGER, score REAL, sentences TEXT,
    PRIMARY KEY (run_id, story_id, idx));
CREATE TABLE IF NOT EXISTS findings (
    run_id INTEGER REFERENCES runs(id), id TEXT, rule TEXT, category TEXT, severity TEXT, message TEXT,
    story_id TEXT, "values" TEXT, PRIMARY KEY (run_id, id));
CREATE TABLE IF NOT EXISTS evidence (
    run_id INTEGER, finding_id TEXT, idx INTEGER, article_id TEXT, outlet TEXT, path TEXT, sentence TEXT,
    span TEXT, role TEXT, start INTEGER, "end" INTEGER, line INTEGER, PRIMARY KEY (run_id, finding_id, idx),
    FOREIGN KEY (run_id, finding_id) REFERENCES findings(run_id, id));
CREATE TABLE IF NOT EXISTS outlet_scores (
    run_id INTEGER REFERENCES runs(id), outlet TEXT, score REAL, confidence REAL, articles INTEGER,
    findings INTEGER, breakdown TEXT, PRIMARY KEY (run_id, outlet));
CREATE TABLE IF NOT EXISTS errors (
    run_id INTEGER REFERENCES runs(id), path TEXT, message TEXT);
CREATE TABLE IF NOT EXISTS story_index (id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT);
CREATE TABLE IF NOT EXISTS index_articles (
    seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, story TEXT NOT NULL, title TEXT, published TEXT,
    terms TEXT NOT NULL, indexed TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS index_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS index_postings (term TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (term, seq))
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS index_articles_story ON index_articles(story);
CREATE TABLE IF NOT EXISTS article_scores (
    run_id INTEGER REFERENCES runs(id), article_id TEXT, outlet TEXT, score REAL, breakdown TEXT, measured TEXT,
    explanation TEXT, PRIMARY KEY (run_id, article_id));
CREATE TABLE IF NOT EXISTS copies (
    run_id INTEGER REFERENCES runs(id), copy_id TEXT, copy_outlet TEXT, original_id TEXT, original_outlet TEXT,
    basis TEXT, similarity REAL, PRIMARY KEY (run_id, copy_id));
CREATE INDEX IF NOT EXISTS articles_file ON articles(file_id);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS files_path ON files(path);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id, kind);
CREATE INDEX IF NOT EXISTS run_articles_story ON run_articles(run_id, story_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(run_id, rule);
CREATE INDEX IF NOT EXISTS findings_severity ON findings(run_id, severity);
CREATE INDEX IF NOT EXISTS evidence_article ON evidence(article_id);
"""
