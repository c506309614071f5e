import type { FastifyInstance } from 'fastify';

/**
 * The emulator's balance: fixed, since nothing here is billed. The message costs the emulator
 * shows are illustrative and are not taken off it.
 */
export const EMULATED_BALANCE = {
  record_type: 'balance',
  balance: '100.00',
  credit_limit: '0.00',
  available_credit: '100.00',
  pending: '0.00',
  currency: 'USD',
} as const;

/** `GET /v2/balance` (spec `GetUserBalance`). */
export function registerBalanceRoutes(app: FastifyInstance): void {
  app.get('/v2/balance', () => ({ data: { ...EMULATED_BALANCE } }));
}
