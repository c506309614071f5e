import { randomBytes } from 'node:crypto';

/** Who may attach to a call's audio: one account's call, for a short while, once. */
export interface TicketGrant {
  readonly accountId: string;
  readonly callId: string;
}

const TICKET_TTL_MS = 30_000;
const MAX_OPEN_TICKETS = 1000;

/**
 * One-time tickets for the softphone's audio socket. A browser cannot put an API key in a
 * WebSocket handshake's headers, and a key in a URL ends up in logs; so the dashboard asks for
 * a ticket over the authenticated API and opens the socket with it within 30 seconds.
 */
export class AudioTickets {
  readonly #open = new Map<string, TicketGrant & { readonly expiresAt: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  issue(grant: TicketGrant): { readonly ticket: string; readonly expiresAt: number } {
    this.#prune();
    const ticket = randomBytes(24).toString('base64url');
    const expiresAt = this.#now() + TICKET_TTL_MS;
    this.#open.set(ticket, { ...grant, expiresAt });
    return { ticket, expiresAt };
  }

  /** The grant, once; null for an unknown, used or expired ticket. */
  redeem(ticket: string): TicketGrant | null {
    const grant = this.#open.get(ticket);
    this.#open.delete(ticket);
    if (grant === undefined || grant.expiresAt < this.#now()) return null;
    return { accountId: grant.accountId, callId: grant.callId };
  }

  #prune(): void {
    const now = this.#now();
    for (const [ticket, grant] of this.#open) if (grant.expiresAt < now) this.#open.delete(ticket);
    while (this.#open.size >= MAX_OPEN_TICKETS) {
      const oldest = this.#open.keys().next().value;
      if (oldest === undefined) break;
      this.#open.delete(oldest);
    }
  }
}
