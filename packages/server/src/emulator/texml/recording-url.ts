/** The saved file's URL of a `call.recording.saved` payload: its mp3, else its wav. */
export function recordingUrl(urls: unknown): string {
  if (typeof urls !== 'object' || urls === null) return '';
  for (const format of ['mp3', 'wav']) {
    const url: unknown = Object.hasOwn(urls, format)
      ? Object.getOwnPropertyDescriptor(urls, format)?.value
      : undefined;
    if (typeof url === 'string') return url;
  }
  return '';
}
