import type { JsonObject } from '../../storage/store.js';

// Illustrative per-segment prices in USD; the emulator bills nothing, so only the shape matters.
const PRICES = {
  SMS: { rate: 0.0025, carrierFee: 0.0015 },
  MMS: { rate: 0.015, carrierFee: 0.005 },
} as const;

function usd(amount: number): JsonObject {
  return { amount: amount.toFixed(4), currency: 'USD' };
}

/** `cost` and `cost_breakdown` of a message of `parts` segments. */
export function messageCost(type: 'SMS' | 'MMS', parts: number): JsonObject {
  const price = PRICES[type];
  const rate = price.rate * parts;
  const carrierFee = price.carrierFee * parts;
  return {
    cost: usd(rate + carrierFee),
    cost_breakdown: { rate: usd(rate), carrier_fee: usd(carrierFee) },
  };
}
