export { createPublisher, type Publisher } from './create-publisher.js';
export type { PublisherOptions, RetryOptions } from './publisher-options.js';
export type { ApiErrorItem, PublishableEvent, PublishedEvent } from './publish-types.js';
export {
  PublishError,
  PublishFailedError,
  PublishRejectedError,
  PublisherClosedError,
  PublisherOptionsError,
  type PublishErrorCode,
} from './publish-errors.js';
export {
  createApiClient,
  type ApiClient,
  type ApiClientOptions,
  type ApiError,
  type ApiResult,
} from './create-api-client.js';
