import { cancel, emit, patch, schedule, type Draft } from './call-draft.js';
import type { MediaItem } from './call-state.js';

/** Queues a prompt; like Telnyx, media commands play one after another. */
export function queueMedia(draft: Draft, item: MediaItem): void {
  const idle = draft.state.media.length === 0;
  patch(draft, { media: [...draft.state.media, item] });
  if (idle) startHead(draft);
}

/** The head prompt finished playing. */
export function mediaEnded(draft: Draft): void {
  const [head, ...rest] = draft.state.media;
  if (head === undefined) return;
  emitEnded(draft, head, 'completed');
  patch(draft, { media: rest });
  startHead(draft);
}

/** playback_stop: ends the current prompt, and the queued ones too unless `current`. */
export function stopMedia(draft: Draft, stop: 'current' | 'all'): void {
  const [head, ...rest] = draft.state.media;
  if (head === undefined) return;
  cancel(draft, 'media_end');
  emitEnded(draft, head, 'cancelled');
  patch(draft, { media: stop === 'all' ? [] : rest });
  if (stop === 'current') startHead(draft);
}

/** On hangup: the playing prompt ends with `call_hangup`, queued ones are dropped silently. */
export function closeMedia(draft: Draft): void {
  const head = draft.state.media[0];
  if (head !== undefined) emitEnded(draft, head, 'call_hangup');
  patch(draft, { media: [] });
}

function startHead(draft: Draft): void {
  const head = draft.state.media[0];
  if (head === undefined) return;
  emit(
    draft,
    head.kind === 'speak' ? 'call.speak.started' : 'call.playback.started',
    mediaFields(head),
  );
  // An endless loop has no end of its own: playback_stop or hangup ends it.
  if (head.endless !== true) schedule(draft, 'media_end', draft.ctx.now + head.durationMs);
}

/**
 * `call.speak.ended` has no `cancelled` status in the schema, so a stopped speak reports
 * `completed`; playback reports `cancelled`.
 */
function emitEnded(
  draft: Draft,
  item: MediaItem,
  status: 'completed' | 'cancelled' | 'call_hangup',
): void {
  if (item.kind === 'speak') {
    emit(draft, 'call.speak.ended', { status: status === 'cancelled' ? 'completed' : status });
    return;
  }
  const failure = item.failure;
  emit(
    draft,
    'call.playback.ended',
    failure === undefined
      ? { ...mediaFields(item), status }
      : { ...mediaFields(item), status: failure.status, status_detail: failure.detail },
  );
}

/** The playback fields of a prompt; speak events carry none. */
export function mediaFields(item: MediaItem): Record<string, unknown> {
  if (item.kind === 'speak') return {};
  return {
    overlay: item.overlay,
    ...(item.mediaUrl === null ? {} : { media_url: item.mediaUrl }),
    ...(item.mediaName === null ? {} : { media_name: item.mediaName }),
  };
}
