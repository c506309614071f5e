import { ownMember } from '../../support/own-member.js';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
  txt: 'text/plain',
  vcf: 'text/vcard',
};

/**
 * The MIME type of a media URL, guessed from its file extension (the emulator never fetches
 * media); `application/octet-stream` when unknown.
 */
export function mediaContentType(url: string): string {
  const path = new URL(url).pathname;
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return ownMember(BY_EXTENSION, extension) ?? 'application/octet-stream';
}
