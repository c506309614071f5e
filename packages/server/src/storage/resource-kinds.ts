// Resource kinds that several layers read (API, emulator, event routing). Kept here, below all
// of them, so routing an event never has to import the API or the emulator to name a kind.

/** Call Control applications (`/v2/call_control_applications`); their id is the `connection_id`. */
export const CALL_CONTROL_APPLICATION_KIND = 'call_control_application';

/** Messaging profiles (`/v2/messaging_profiles`). */
export const MESSAGING_PROFILE_KIND = 'messaging_profile';

/** TeXML applications (`/v2/texml_applications`); their id is a number's `connection_id` too. */
export const TEXML_APPLICATION_KIND = 'texml_application';
