/** What `PRAGMA wal_checkpoint` answers: frames in the WAL, and how many of them are in the file. */
export interface CheckpointResult {
  /** 1 when the checkpoint could not finish (a reader or the writer was in the way). */
  readonly busy: number;
  /** Frames in the WAL; -1 when the database is not in WAL mode. */
  readonly log: number;
  /** Frames of it now copied into the database file. */
  readonly checkpointed: number;
}

/**
 * Whether a RESTART should follow this PASSIVE checkpoint. A PASSIVE one never waits for the
 * writer. But while commits keep coming, the WAL is never wholly copied at the moment a write
 * begins, so SQLite never rewinds it and it grows. Once a PASSIVE has copied everything that was
 * there when it began, and the WAL holds `restartFrames` or more, a RESTART waits for the writer,
 * copies the little that arrived meanwhile, and lets the next write start the WAL from its
 * beginning. The writer waits only for that remainder.
 */
export function needsRestart(passive: CheckpointResult, restartFrames: number): boolean {
  return passive.busy === 0 && passive.log >= restartFrames && passive.log === passive.checkpointed;
}
