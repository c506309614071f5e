import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { typed } from '../../http/typed-app.js';

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

/** The spec's `UserBalance`. */
export const UserBalance = Type.Object({
  record_type: Type.Literal('balance'),
  balance: Type.String(),
  credit_limit: Type.String(),
  available_credit: Type.String(),
  pending: Type.String(),
  currency: Type.String(),
});

/** `GET /v2/balance` (spec `GetUserBalance`). */
export function registerBalanceRoutes(app: FastifyInstance): void {
  typed(app).get(
    '/v2/balance',
    {
      schema: {
        summary: 'Get user balance details',
        tags: ['billing'],
        response: { 200: Type.Object({ data: UserBalance }), '4xx': ErrorEnvelope },
      },
    },
    () => ({ data: { ...EMULATED_BALANCE } }),
  );
}
