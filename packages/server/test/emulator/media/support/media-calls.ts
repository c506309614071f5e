import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { MediaPlane } from '../../../../src/emulator/media/media-plane.js';
import { findMedia } from '../../../../src/emulator/media/media-store.js';
import { ACCOUNT, CallFixture, TEST_TIMINGS } from '../../calls/support/call-fixture.js';
import { StreamPeer } from './stream-peer.js';

/** What a media test works with; `f` and `peer` are new for every test. */
export class MediaCalls {
  /** What the audio side reported as failed, for the current test. */
  readonly errors: unknown[] = [];
  readonly plane = new MediaPlane({
    onError: (error) => this.errors.push(error),
    storedMedia: async (accountId, name) =>
      (await findMedia(this.f.store, accountId, name, Date.now()))?.bytes ?? null,
  });
  f!: CallFixture;
  peer!: StreamPeer;

  /** An inbound call that the app has answered. */
  async answeredCall(): Promise<string> {
    const id = await this.f.inbound();
    expect((await this.f.action(id, 'answer')).status).toBe(200);
    return id;
  }
}

/**
 * Registers the set-up of a file of call-audio tests: one audio side for the file (warmed, since
 * its first phrase loads eSpeak-NG's WebAssembly), and per test a call fixture on the wall clock
 * with a stream peer to receive the media.
 */
export function useMediaCalls(): MediaCalls {
  const calls = new MediaCalls();
  beforeAll(async () => {
    await calls.plane.prepare(
      {
        kind: 'speak',
        durationMs: 0,
        mediaUrl: null,
        mediaName: null,
        overlay: false,
        speech: { text: 'warm up', voice: 'female', language: null },
      },
      ACCOUNT,
    );
  });
  beforeEach(async () => {
    calls.f = await new CallFixture().setUp(TEST_TIMINGS, { media: calls.plane });
    calls.peer = await new StreamPeer().listen();
    calls.errors.length = 0;
  });
  afterEach(async () => {
    await calls.peer.close();
    await calls.f.tearDown();
  });
  afterAll(async () => {
    await calls.plane.close();
  });
  return calls;
}
