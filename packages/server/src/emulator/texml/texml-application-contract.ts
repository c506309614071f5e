import { decoderOf, TexmlApplication } from '@switchboard/core/contract';
import { TEXML_APPLICATION_KIND } from '../../storage/resource-kinds.js';

export {
  CreateTexmlApplication,
  TexmlApplication,
  TexmlApplicationList,
  TexmlApplicationQuery,
  TexmlApplicationResponse,
  UpdateTexmlApplication,
} from '@switchboard/core/contract';
export { TEXML_APPLICATION_KIND };

/** Reads a stored TeXML application. */
export const decodeTexmlApplication = decoderOf(TEXML_APPLICATION_KIND, TexmlApplication);
