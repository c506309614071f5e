/**
 * `record[key]` when `key` names one of the record's own members, else undefined. For keys that
 * come from requests (command ids, event names): `constructor` or `__proto__` must find nothing,
 * not a member of `Object.prototype`.
 */
export function ownMember<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
