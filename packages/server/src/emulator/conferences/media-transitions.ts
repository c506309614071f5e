import {
  cancelConference,
  emitConference,
  patchConference,
  scheduleConference,
  type ConferenceDraft,
} from './conference-draft.js';
import type { ConferenceMedia } from './conference-state.js';

/** speak/play queue on the conference and play one after another, as on a call. */
export function queueConferenceMedia(draft: ConferenceDraft, item: ConferenceMedia): void {
  const idle = draft.state.media.length === 0;
  patchConference(draft, { media: [...draft.state.media, item] });
  if (idle) startHead(draft);
}

export function conferenceMediaEnded(draft: ConferenceDraft): void {
  const [head, ...rest] = draft.state.media;
  if (head === undefined) return;
  announce(draft, head, 'ended');
  patchConference(draft, { media: rest });
  startHead(draft);
}

/** The stop command: the playing item and everything queued end. */
export function stopConferenceMedia(draft: ConferenceDraft): void {
  closeConferenceMedia(draft);
}

export function closeConferenceMedia(draft: ConferenceDraft): void {
  const head = draft.state.media[0];
  if (head === undefined) return;
  cancelConference(draft, 'media_end');
  announce(draft, head, 'ended');
  patchConference(draft, { media: [] });
}

function startHead(draft: ConferenceDraft): void {
  const head = draft.state.media[0];
  if (head === undefined) return;
  announce(draft, head, 'started');
  if (!head.endless) scheduleConference(draft, 'media_end', draft.now + head.durationMs);
}

/**
 * Media for everyone is announced as `conference.speak.*` / `conference.playback.*`; media for
 * named participants as `conference.participant.*`, once per participant.
 */
function announce(draft: ConferenceDraft, item: ConferenceMedia, phase: 'started' | 'ended'): void {
  const fields =
    item.kind === 'speak'
      ? {}
      : {
          ...(item.mediaUrl === null ? {} : { media_url: item.mediaUrl }),
          ...(item.mediaName === null ? {} : { media_name: item.mediaName }),
        };
  if (item.targets === null) {
    emitConference(draft, `conference.${item.kind}.${phase}`, null, fields);
    return;
  }
  for (const callId of item.targets)
    emitConference(draft, `conference.participant.${item.kind}.${phase}`, callId, fields);
}
