export {
  verifyTexmlRequest,
  type TexmlRequestInput,
  type VerifyTexmlOptions,
} from './verify-texml-request.js';
export type {
  TexmlParams,
  TexmlCallParams,
  TexmlActionParams,
  TexmlCallbackParams,
} from './texml-params.js';
export { texml, escapeXml, TexmlResponse, PromptBuilder, DialBuilder } from './texml-response.js';
export {
  handleTexmlRequest,
  createTexmlNodeHandler,
  createTexmlFetchHandler,
  type TexmlHandler,
  type TexmlAppOptions,
  type TexmlReply,
} from './texml-handlers.js';
