/**
 * One problem with a request, in Telnyx's error terms. Validation returns these as values; the
 * route layer turns them into the API's error envelope.
 */
export interface FieldError {
  readonly status: 400 | 404 | 422;
  /** Telnyx error code: a string of digits. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  /** JSON pointer into the request body, e.g. `/to`. */
  readonly pointer?: string;
}

type Make = (detail: string, pointer?: string) => FieldError;

function maker(status: FieldError['status'], code: string, title: string): Make {
  return (detail, pointer) =>
    pointer === undefined
      ? { status, code, title, detail }
      : { status, code, title, detail, pointer };
}

/** The Telnyx error codes the emulator's numbers and messaging routes use. */
export const fieldErrors = {
  invalidUrl: maker(422, '10003', 'Invalid URL'),
  missing: maker(422, '10004', 'Missing required parameter'),
  notFound: maker(404, '10005', 'Resource not found'),
  duplicate: maker(422, '10012', 'Duplicate resource'),
  invalidValue: maker(422, '10015', 'Invalid value'),
  notE164: maker(422, '10016', 'Phone number must be in +E.164 format'),
  noSuchAssociation: maker(422, '10017', 'Associated resource does not exist'),
  inUse: maker(422, '10021', 'Resource in use'),
  invalidEnum: maker(422, '10032', 'Invalid enumerated value'),
  invalidFrom: maker(400, '40305', "Invalid 'from' address"),
} as const;
