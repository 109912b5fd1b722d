import type { Database } from 'better-sqlite3';

/**
 * The schema, as an ordered list of forward steps. A database records how many steps it has
 * taken in `PRAGMA user_version`; opening it applies the rest, all in one transaction. Never edit
 * a released step: add a new one.
 */
export interface Migration {
  version: number;
  why: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'assessments, automated results and findings, decisions, the hash-chained decision history, evidence and content-addressed blobs',
    sql: `
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        chunk_size INTEGER NOT NULL,
        chunks INTEGER NOT NULL
      );
      -- Blobs are kept in fixed-size chunks so a large file is read and written a piece at a time.
      CREATE TABLE blob_chunks (
        sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (sha256, idx)
      );
      -- AUTOINCREMENT: an id is never reused, so packs and notes that name an id stay unambiguous.
      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        account TEXT NOT NULL,
        regions TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        source TEXT NOT NULL,
        snapshot_sha256 TEXT REFERENCES blobs(sha256),
        snapshot_collected_at TEXT,
        chain_length INTEGER NOT NULL DEFAULT 0,
        chain_head TEXT NOT NULL
      );
      CREATE TABLE results (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        rec_id TEXT NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, rec_id, source)
      );
      CREATE TABLE findings (
        assessment_id INTEGER NOT NULL,
        rec_id TEXT NOT NULL,
        source TEXT NOT NULL,
        position INTEGER NOT NULL,
        resource TEXT NOT NULL,
        region TEXT NOT NULL,
        status TEXT NOT NULL,
        detail TEXT NOT NULL,
        PRIMARY KEY (assessment_id, rec_id, source, position),
        FOREIGN KEY (assessment_id, rec_id, source) REFERENCES results(assessment_id, rec_id, source) ON DELETE CASCADE
      );
      CREATE TABLE decisions (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        rec_id TEXT NOT NULL,
        status TEXT NOT NULL,
        justification TEXT NOT NULL,
        likelihood INTEGER,
        impact INTEGER,
        risk_level TEXT,
        mitigation TEXT,
        mitigation_why TEXT,
        owner TEXT,
        due_date TEXT,
        approver TEXT,
        expires_at TEXT,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, rec_id)
      );
      CREATE TABLE decision_events (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        rec_id TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (assessment_id, seq)
      );
      -- The history is append-only; rows go only with their assessment. The hash chain still
      -- catches anyone who drops these triggers first.
      CREATE TRIGGER decision_events_no_update BEFORE UPDATE ON decision_events
      BEGIN SELECT RAISE(ABORT, 'the decision history is append-only'); END;
      CREATE TRIGGER decision_events_no_delete BEFORE DELETE ON decision_events
      WHEN EXISTS (SELECT 1 FROM assessments WHERE id = OLD.assessment_id)
      BEGIN SELECT RAISE(ABORT, 'the decision history is append-only'); END;
      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        rec_id TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        note TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
      CREATE INDEX evidence_by_rec ON evidence (assessment_id, rec_id);
      CREATE INDEX evidence_by_blob ON evidence (sha256);
    `,
  },
  {
    version: 2,
    why: 'carry-forward (an assessment started from an earlier one, decisions brought across until confirmed) and the last recommendation open, so reopening lands there',
    sql: `
      ALTER TABLE assessments ADD COLUMN carried_from INTEGER REFERENCES assessments(id) ON DELETE SET NULL;
      ALTER TABLE assessments ADD COLUMN last_rec_id TEXT;
      ALTER TABLE decisions ADD COLUMN carried_from_assessment INTEGER;
      ALTER TABLE decisions ADD COLUMN carried_from_decided_at TEXT;
    `,
  },
  {
    version: 3,
    why: 'the reasons behind a risk rating (why this likelihood, why this impact), shown on the risk card',
    sql: `
      ALTER TABLE decisions ADD COLUMN likelihood_why TEXT;
      ALTER TABLE decisions ADD COLUMN impact_why TEXT;
    `,
  },
  {
    version: 4,
    why: 'the hash of each snapshot before its secret members were redacted for storing, and credentials kept in packs on purpose, with who, when and why',
    sql: `
      ALTER TABLE assessments ADD COLUMN snapshot_original_sha256 TEXT;
      CREATE TABLE kept_secrets (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        kept_by TEXT NOT NULL,
        kept_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, fingerprint)
      );
      CREATE TRIGGER kept_secrets_no_update BEFORE UPDATE ON kept_secrets
      BEGIN SELECT RAISE(ABORT, 'kept credentials are append-only'); END;
      CREATE TRIGGER kept_secrets_no_delete BEFORE DELETE ON kept_secrets
      WHEN EXISTS (SELECT 1 FROM assessments WHERE id = OLD.assessment_id)
      BEGIN SELECT RAISE(ABORT, 'kept credentials are append-only'); END;
    `,
  },
  {
    version: 5,
    why: 'attachments and scans in the hash chain, decisions marked when they override the automated result, detaching an attachment without erasing its bytes, a per-assessment limit on how long an exception may run, and unsaved form drafts that survive a crash',
    sql: `
      -- kind is NULL for decisions (as every row before this version); attach, detach and scan rows
      -- keep their payload in body_json and the JSON text null in after_json.
      ALTER TABLE decision_events ADD COLUMN kind TEXT;
      ALTER TABLE decision_events ADD COLUMN body_json TEXT;
      ALTER TABLE evidence ADD COLUMN detached_by TEXT;
      ALTER TABLE evidence ADD COLUMN detached_at TEXT;
      ALTER TABLE evidence ADD COLUMN detach_reason TEXT;
      ALTER TABLE assessments ADD COLUMN max_exception_days INTEGER NOT NULL DEFAULT 365;
      -- The automated result a decision contradicted when it was made (a pass over a fail, …).
      ALTER TABLE decisions ADD COLUMN overrides TEXT;
      -- Work in progress in a TUI form: not assessment data, never exported, gone once saved or discarded.
      CREATE TABLE drafts (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        draft_key TEXT NOT NULL,
        body_json TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, draft_key)
      );
    `,
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * `PRAGMA application_id` of every Assay database ("ASAY"), so Assay, `file(1)` and other tools
 * can tell its files from other programs' SQLite files.
 */
export const ASSAY_APPLICATION_ID = 0x41534159;

/** The tables every schema version has had since the first: how an unmarked older database is recognised. */
export const ASSAY_TABLES: readonly string[] = ['blobs', 'blob_chunks', 'assessments', 'results', 'findings', 'decisions', 'decision_events', 'evidence'];

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function isMarked(db: Database): boolean {
  return db.pragma('application_id', { simple: true }) === ASSAY_APPLICATION_ID;
}

/**
 * Brings the schema up to `target` (default: the newest) and marks the file as Assay's, in one
 * transaction. The version is re-read inside it, so two processes opening an old database at
 * once migrate it once.
 */
export function migrate(db: Database, target: number = SCHEMA_VERSION): void {
  if (schemaVersion(db) >= target && isMarked(db)) return;
  db.transaction(() => {
    const from = schemaVersion(db);
    for (const step of MIGRATIONS) {
      if (step.version <= from || step.version > target) continue;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
    if (!isMarked(db)) db.pragma(`application_id = ${ASSAY_APPLICATION_ID}`);
  }).immediate();
}
