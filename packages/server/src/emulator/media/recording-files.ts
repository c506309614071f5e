/**
 * Recording files made from calls' audio, served at the URLs in `call.recording.saved`. Kept in
 * memory, bounded by total size: the oldest files go first. A file still being encoded is
 * awaited, since an app may fetch the URL as soon as the webhook arrives. A file that is gone
 * (evicted, or the server restarted) is not found here, and the route serves silence instead.
 */
export class RecordingFiles {
  readonly #files = new Map<string, Buffer>();
  readonly #encoding = new Map<string, Promise<Buffer>>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  /** `name` is `<recording id>.<wav|mp3>`; the file arrives when `file` settles. */
  add(name: string, file: Promise<Buffer>): Promise<void> {
    this.#encoding.set(name, file);
    return file
      .then((bytes) => {
        this.#put(name, bytes);
      })
      .finally(() => {
        if (this.#encoding.get(name) === file) this.#encoding.delete(name);
      });
  }

  async get(name: string): Promise<Buffer | null> {
    const encoding = this.#encoding.get(name);
    if (encoding !== undefined) return encoding.catch(() => null);
    return this.#files.get(name) ?? null;
  }

  #put(name: string, file: Buffer): void {
    const old = this.#files.get(name);
    if (old !== undefined) this.#bytes -= old.length;
    this.#files.delete(name);
    this.#files.set(name, file);
    this.#bytes += file.length;
    for (const [oldest, data] of this.#files) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#files.delete(oldest);
      this.#bytes -= data.length;
    }
  }
}
