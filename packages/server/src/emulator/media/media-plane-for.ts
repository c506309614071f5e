import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { readCaFile } from '../../engine/delivery-dispatcher/create-webhook-dispatcher.js';
import type { EgressMode } from '../../engine/egress/egress-mode.js';
import { guardedLookup } from '../../engine/egress/guarded-lookup.js';
import { rootCertificates } from 'node:tls';
import { audioFetcher } from './audio-fetcher.js';
import { MediaPlane } from './media-plane.js';
import { findMedia } from './media-store.js';
import type { Store } from '../../storage/store.js';

/** The server settings call audio leaves the machine by. */
export interface MediaEgressSettings {
  readonly webhookCaFile: string | null;
  readonly egress: EgressMode;
}

/**
 * The server's audio side. Media streams and playback fetches leave the machine like webhooks
 * do: the same egress rule (`public-only` refuses private addresses) and the same extra CAs.
 */
export function mediaPlaneFor(
  config: MediaEgressSettings,
  dispatcher: Dispatcher,
  logger: Logger,
  store: Store,
): MediaPlane {
  const ca =
    config.webhookCaFile === null
      ? undefined
      : [...rootCertificates, ...readCaFile(config.webhookCaFile)];
  return new MediaPlane({
    connect: {
      ...(config.egress === 'public-only' ? { lookup: guardedLookup() } : {}),
      ...(ca === undefined ? {} : { ca }),
    },
    fetchAudio: audioFetcher(dispatcher),
    storedMedia: async (accountId, name) =>
      (await findMedia(store, accountId, name, Date.now()))?.bytes ?? null,
    onError: (error) => {
      logger.warn({ err: error }, 'call audio failed');
    },
  });
}
