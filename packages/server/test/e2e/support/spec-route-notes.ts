/**
 * Notes shown in docs/emulator.md's coverage table, keyed by `METHOD /v2/path` as in the spec.
 * Every route the emulator leaves out on purpose has its reason here.
 */
export const SPEC_ROUTE_NOTES: Readonly<Record<string, string>> = {};
