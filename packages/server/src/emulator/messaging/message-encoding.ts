// GSM 03.38 basic set and the extension set (whose characters take two septets each).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

/** How a text is sent and how many SMS segments it takes. */
export interface TextEncoding {
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly parts: number;
  readonly numChars: number;
}

// Code points, not UTF-16 units: SMS counts characters, and grapheme clusters do not matter here.

/** True when every character of `text` is in the GSM-7 alphabet. */
export function fitsGsm7(text: string): boolean {
  return Array.from(text).every((c) => GSM_BASIC.includes(c) || GSM_EXTENSION.includes(c));
}

function gsmSeptets(text: string): number {
  return Array.from(text).reduce((n, c) => n + (GSM_EXTENSION.includes(c) ? 2 : 1), 0);
}

// A single segment holds 160 septets / 70 UTF-16 units; concatenated ones lose room to the UDH.
function segments(units: number, single: number, multi: number): number {
  return units <= single ? 1 : Math.ceil(units / multi);
}

/**
 * The encoding and segment count of an SMS text. `prefer` follows the request's `encoding`:
 * `auto` picks GSM-7 when it fits.
 */
export function encodeText(text: string, prefer: 'auto' | 'gsm7' | 'ucs2' = 'auto'): TextEncoding {
  const numChars = Array.from(text).length;
  if (prefer !== 'ucs2' && fitsGsm7(text)) {
    return { encoding: 'GSM-7', parts: segments(gsmSeptets(text), 160, 153), numChars };
  }
  return { encoding: 'UCS-2', parts: segments(text.length, 70, 67), numChars };
}
