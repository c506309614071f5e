export * from './fields.js';
export { isHttpUrl, isIsoDateTime, registerFormats } from './formats.js';
export { decoderOf, StoredDocumentError, type Decoder } from './decoder.js';
export { ErrorEnvelope, ErrorEnvelopeItem } from './error-envelope.js';
export * from './chaos-profile.js';
export * from './switchboard/events.js';
export * from './switchboard/calls.js';
