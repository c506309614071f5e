import type { Command } from './call-input.js';
import type { CallTimings } from './call-timings.js';

/** A command as read from its body; bridge, enqueue and transfer still need the engine's lookups. */
export type ParsedCommand =
  | Exclude<Command, { name: 'bridge' | 'enqueue' | 'transfer' }>
  | { readonly name: 'bridge'; readonly peerId: string; readonly parkAfterUnbridge: boolean }
  | { readonly name: 'bridge_queue'; readonly queue: string; readonly parkAfterUnbridge: boolean }
  | {
      readonly name: 'enqueue';
      readonly queue: string;
      readonly maxSize: number;
      readonly maxWaitMs: number | null;
    }
  | {
      readonly name: 'transfer';
      readonly to: string;
      readonly from: string | null;
      readonly timeoutSecs: number;
      readonly targetClientState: string | null;
    };

export interface ParseContext {
  readonly timings: CallTimings;
  readonly newId: () => string;
}
