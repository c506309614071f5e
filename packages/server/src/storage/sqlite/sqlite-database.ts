import Database from 'better-sqlite3';

/** How to open the SQLite file behind a {@link SqliteStore}. */
export interface SqliteStoreOptions {
  /** Path of the database file, or `:memory:` for a private throwaway database. */
  readonly filename: string;
  /** How long a writer waits for another connection's lock before failing. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /**
   * Keep the deliveries published here until claimed, so claims read back only the columns that
   * change. Default true; a store serving another thread's cache turns it off.
   */
  readonly rememberUnclaimed?: boolean;
  /**
   * Caps the file at this many pages (`PRAGMA max_page_count`); a write past it fails with
   * `SQLITE_FULL`, exactly as on a full disk. Unset: SQLite's own limit. Tests use it to fill a
   * real database.
   */
  readonly maxPageCount?: number;
  /**
   * Whether a commit that fills the WAL checkpoints it (default true, SQLite's own way). False when
   * a `WalCheckpointer` does it beside the writer; see {@link resumeCommitCheckpoints}.
   */
  readonly checkpointOnCommit?: boolean;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/**
 * 8 MB of page cache: four times SQLite's default, so a group commit's pages stay in memory, and
 * small enough that it is not what makes RSS grow with the database (it held 64 MB before;
 * docs/decisions.md). Reads past it come from the OS page cache.
 */
const CACHE_KIB = 8 * 1024;
/** 32 MB of 4 kB pages between automatic checkpoints (SQLite's default is 1000 pages). */
export const WAL_CHECKPOINT_PAGES = 8192;
/** The WAL file is truncated back to this after a checkpoint, so it does not stay large. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens a connection tuned for a write-heavy queue: WAL lets readers run beside the writer, and
 * `synchronous = NORMAL` skips the fsync per commit (WAL stays consistent; a power cut can lose
 * only the last moments). The busy timeout lets several processes share the file.
 */
export function openSqliteDatabase(options: SqliteStoreOptions): Database.Database {
  const db = new Database(options.filename);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  if (options.checkpointOnCommit === false) db.pragma('wal_autocheckpoint = 0');
  else resumeCommitCheckpoints(db);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  db.pragma('foreign_keys = ON');
  if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${options.maxPageCount}`);
  return db;
}

/**
 * Lets commits checkpoint the WAL again. Each delivery rewrites its page three times (publish,
 * claim, complete); a longer WAL than SQLite's default lets a checkpoint copy such a page once
 * instead of three times, and fsync less often.
 */
export function resumeCommitCheckpoints(db: Database.Database): void {
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
}
