/** Settings of the TeXML interpreter; tests shrink the times. */
export interface TexmlOptions {
  /**
   * How long one second of a document's own times lasts (`Pause length`, `Gather timeout`,
   * `Record maxLength`, `Dial timeout`), in ms. Default 1000; tests pass a few ms.
   */
  readonly secondMs?: number;
  /** Per-try timeout of a request to the app's URLs (voice_url, action URLs); default 10 000. */
  readonly fetchTimeoutMs?: number;
}

export interface TexmlSettings {
  readonly secondMs: number;
  readonly fetchTimeoutMs: number;
}

export const DEFAULT_TEXML_SETTINGS: TexmlSettings = { secondMs: 1000, fetchTimeoutMs: 10_000 };

export function texmlSettings(options: TexmlOptions = {}): TexmlSettings {
  return { ...DEFAULT_TEXML_SETTINGS, ...options };
}
