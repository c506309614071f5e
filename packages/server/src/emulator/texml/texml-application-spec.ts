import type { TexmlApplication } from './texml-application-contract.js';

/** Outgoing requests use upper-case methods; the application stores them lower-case. */
export function requestMethod(value: 'get' | 'post'): 'GET' | 'POST' {
  return value === 'get' ? 'GET' : 'POST';
}

/** Where an application's calls get their first document: `voice_url`, its method and fallback. */
export function voiceSettings(application: TexmlApplication): {
  readonly target: { readonly url: string; readonly method: 'GET' | 'POST' };
  readonly fallbackUrl: string | null;
} {
  const fallback = application.voice_fallback_url;
  return {
    target: { url: application.voice_url, method: requestMethod(application.voice_method) },
    fallbackUrl: fallback !== null && fallback !== '' ? fallback : null,
  };
}
