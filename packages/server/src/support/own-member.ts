/**
 * `record[key]` when `key` names one of the record's own members, else undefined. For every
 * lookup of a name that comes from a request (a call action, a chaos member, a media URL's
 * extension, a command id, an event name in a retry policy): `constructor`, `valueOf` or
 * `__proto__` must find nothing, not a member of `Object.prototype`.
 */
export function ownMember<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
