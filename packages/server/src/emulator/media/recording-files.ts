/**
 * Recording files made from calls' audio, served at the URLs in `call.recording.saved`. Kept in
 * memory, bounded by total size: the oldest files go first. A file that is gone (evicted, or
 * the server restarted) is served as silence of the right format, as before audio existed.
 */
export class RecordingFiles {
  readonly #files = new Map<string, Buffer>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  /** `name` is `<recording id>.<wav|mp3>`. */
  put(name: string, file: Buffer): void {
    this.delete(name);
    this.#files.set(name, file);
    this.#bytes += file.length;
    for (const [oldest, data] of this.#files) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#files.delete(oldest);
      this.#bytes -= data.length;
    }
  }

  get(name: string): Buffer | null {
    return this.#files.get(name) ?? null;
  }

  delete(name: string): void {
    const old = this.#files.get(name);
    if (old === undefined) return;
    this.#files.delete(name);
    this.#bytes -= old.length;
  }
}
