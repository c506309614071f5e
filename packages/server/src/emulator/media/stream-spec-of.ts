import type { CallState } from '../calls/call-state.js';
import type { StreamRequest } from '../calls/stream-request.js';
import { streamCodecOf } from './stream-codec.js';
import type { StreamSpec } from './stream-spec.js';

/** The stream a call asked for, with the ids and codecs the `start` frame reports. */
export function streamSpecOf(state: CallState, request: StreamRequest): StreamSpec {
  return {
    streamId: request.streamId,
    url: request.url,
    track: request.track,
    codec: streamCodecOf(request.codec),
    bidirectional: {
      mode: request.bidirectionalMode,
      codec: streamCodecOf(request.bidirectionalCodec),
      rate: request.bidirectionalCodec === 'L16' ? request.bidirectionalRate : 8000,
    },
    authToken: request.authToken,
    customParameters: request.customParameters,
    clientState: state.clientState,
    accountId: state.accountId,
    callControlId: state.id,
    callSessionId: state.sessionId,
    from: state.from,
    to: state.to,
  };
}
