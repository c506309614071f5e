/**
 * The API key lives in sessionStorage: it survives reloads of this tab, not the tab itself, and
 * is never sent anywhere but as a Bearer header to this origin (docs/dashboard.md, "Session").
 */
const KEY = 'switchboard.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY);
}
