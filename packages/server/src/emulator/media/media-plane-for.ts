import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { ServerConfig } from '../../config/server-config.js';
import { readCaFile } from '../../delivery-dispatcher/create-webhook-dispatcher.js';
import { guardedLookup } from '../../egress/guarded-lookup.js';
import { rootCertificates } from 'node:tls';
import { audioFetcher } from './audio-fetcher.js';
import { MediaPlane } from './media-plane.js';
import { findMedia } from './media-store.js';
import type { Store } from '../../storage/store.js';

/**
 * The server's audio side. Media streams and playback fetches leave the machine like webhooks
 * do: the same egress rule (`public-only` refuses private addresses) and the same extra CAs.
 */
export function mediaPlaneFor(
  config: ServerConfig,
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
