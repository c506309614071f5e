import type { Store } from '../../storage/store.js';
import { MEDIA_KIND, mediaResource, readMedia, type StoredMedia } from './stored-media.js';

/** Writes a media file. */
export async function saveMedia(store: Store, accountId: string, media: StoredMedia) {
  await store.putResource(mediaResource(accountId, media));
}

/** A media file that has not expired, or null; an expired one is deleted on the way. */
export async function findMedia(
  store: Store,
  accountId: string,
  name: string,
  now: number,
): Promise<StoredMedia | null> {
  const row = await store.getResource(accountId, MEDIA_KIND, name);
  if (row === null) return null;
  const media = readMedia(row);
  if (media.expiresAt > now) return media;
  await store.deleteResource(accountId, MEDIA_KIND, name);
  return null;
}

/** The account's media that have not expired, oldest first. */
export async function listMedia(store: Store, accountId: string, now: number) {
  const rows = await store.listResources(accountId, MEDIA_KIND);
  return rows.map(readMedia).filter((media) => media.expiresAt > now);
}

export async function deleteMedia(store: Store, accountId: string, name: string) {
  await store.deleteResource(accountId, MEDIA_KIND, name);
}
