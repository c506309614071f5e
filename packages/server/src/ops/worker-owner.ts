import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A lease owner name unique to this process: host, pid and a random tag against pid reuse. */
export function workerOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
