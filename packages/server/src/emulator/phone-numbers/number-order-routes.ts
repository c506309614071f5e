import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { pageMeta } from '../../http/page-query.js';
import { pathParam } from '../../http/api/path-param.js';
import type { QueryParams } from '../../http/api/query-params.js';
import { NotFoundError, ValidationError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import { isResourceConflict } from '../../storage/resource-conflict-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { randomUuid } from '../messaging/random-uuid.js';
import { documentResource } from '../stored-document.js';
import { readNumberSearch } from './available-number-search.js';
import { searchNumbers } from './available-numbers.js';
import {
  newNumberOrder,
  NUMBER_ORDER_KIND,
  updateNumberOrder,
  type NumberOrderRequest,
} from './number-order.js';
import { checkNumberOrder, orderUpdate } from './number-order-request.js';
import {
  AvailableNumbersQuery,
  AvailableNumbersResponse,
  CreateNumberOrder,
  decodeNumberOrder,
  NumberOrder,
  NumberOrderListQuery,
  NumberOrderParams,
  UpdateNumberOrder,
} from './number-order-schemas.js';
import { One, Page, pageOf, pageRows, paramsOf } from './page-query.js';
import { newPhoneNumber, numericId, type PhoneNumber } from './phone-number.js';
import { deleteNumber, listNumbers, saveNumber } from './phone-number-store.js';

const TAGS = ['number orders'];

/** `GET /v2/available_phone_numbers` and `/v2/number_orders`, which add numbers to the account. */
export function registerNumberOrderRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const api = typed(app);
  api.get(
    '/v2/available_phone_numbers',
    {
      schema: {
        summary: 'List available phone numbers',
        tags: TAGS,
        querystring: AvailableNumbersQuery,
        response: { 200: AvailableNumbersResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const search = readNumberSearch(request.query);
      const owned = await listNumbers(deps.store, deps.accountId(request));
      const data = searchNumbers(search, new Set(owned.map((n) => n.phone_number)));
      const meta = { total_results: data.length, best_effort_results: 0 };
      return { data, meta, metadata: meta };
    },
  );
  api.post(
    '/v2/number_orders',
    {
      schema: {
        summary: 'Create a number order (filled at once)',
        tags: TAGS,
        body: CreateNumberOrder,
        response: { 200: One(NumberOrder), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const order = await checkNumberOrder(deps.store, accountId, request.body);
      return { data: await createOrder(deps, accountId, order) };
    },
  );
  api.get(
    '/v2/number_orders',
    {
      schema: {
        summary: 'List number orders',
        tags: TAGS,
        querystring: NumberOrderListQuery,
        response: { 200: Page(NumberOrder), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const params = paramsOf(request.query);
      const rows = await deps.store.listResources(deps.accountId(request), NUMBER_ORDER_KIND);
      const orders = rows
        .map((row) => decodeNumberOrder(row.data))
        .filter((o) => matches(o, params));
      return { data: pageRows(orders, page), meta: pageMeta(page, orders.length) };
    },
  );
  api.get(
    '/v2/number_orders/:number_order_id',
    {
      schema: {
        summary: 'Retrieve a number order',
        tags: TAGS,
        params: NumberOrderParams,
        response: { 200: One(NumberOrder), '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: await loadOrder(deps, deps.accountId(request), pathParam(request, 'number_order_id')),
    }),
  );
  api.patch(
    '/v2/number_orders/:number_order_id',
    {
      schema: {
        summary: 'Update a number order',
        tags: TAGS,
        params: NumberOrderParams,
        body: UpdateNumberOrder,
        response: { 200: One(NumberOrder), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const order = await loadOrder(deps, accountId, pathParam(request, 'number_order_id'));
      const updated = updateNumberOrder(order, orderUpdate(request.body), deps.now());
      await saveOrder(deps, accountId, updated);
      return { data: updated };
    },
  );
}

/**
 * Fills the order at once: each number joins the account with the order's connection,
 * messaging profile, billing group and reference, then `number_order.complete` is sent.
 */
async function createOrder(
  deps: EmulatorDeps,
  accountId: string,
  order: NumberOrderRequest,
): Promise<NumberOrder> {
  const now = deps.now();
  const numbers = order.phoneNumbers.map((entry) =>
    newPhoneNumber({
      id: numericId(() => deps.random()),
      phoneNumber: entry.phoneNumber,
      connectionId: order.connectionId,
      messagingProfileId: order.messagingProfileId,
      customerReference: order.customerReference,
      billingGroupId: order.billingGroupId,
      now,
    }),
  );
  await addAll(deps, accountId, numbers);
  const uuid = () => randomUuid(() => deps.random());
  const created = newNumberOrder({
    id: uuid(),
    numberIds: order.phoneNumbers.map(uuid),
    subOrderId: uuid(),
    request: order,
    now,
  });
  await saveOrder(deps, accountId, created);
  await notify(deps, accountId, created, order);
  return created;
}

/**
 * Adds an order's numbers, all or none: a number that another account got first (a number
 * belongs to one account) takes back the ones already added and refuses the order with 10012.
 */
async function addAll(deps: EmulatorDeps, accountId: string, numbers: readonly PhoneNumber[]) {
  const added: PhoneNumber[] = [];
  for (const number of numbers) {
    try {
      await saveNumber(deps.store, accountId, number);
      added.push(number);
    } catch (error) {
      if (!isResourceConflict(error)) throw error;
      for (const done of added) await deleteNumber(deps.store, accountId, done.id);
      const detail = `The number ${number.phone_number} belongs to another account.`;
      throw new ValidationError([
        { code: '10012', title: 'Duplicate resource', detail, pointer: '/phone_numbers' },
      ]);
    }
  }
}

// The spec has the webhook but not where it goes (Telnyx uses account notification
// settings); the emulator sends it to the order's application, else its messaging profile.
async function notify(
  deps: EmulatorDeps,
  accountId: string,
  order: NumberOrder,
  request: NumberOrderRequest,
): Promise<void> {
  const route =
    request.connectionId !== null
      ? { connectionId: request.connectionId }
      : request.messagingProfileId !== null
        ? { messagingProfileId: request.messagingProfileId }
        : null;
  if (route === null) return;
  await deps.emit({ accountId, eventType: 'number_order.complete', payload: order, ...route });
}

async function loadOrder(deps: EmulatorDeps, accountId: string, id: string): Promise<NumberOrder> {
  const row = await deps.store.getResource(accountId, NUMBER_ORDER_KIND, id);
  if (row === null) throw new NotFoundError(`Number order ${id} not found.`);
  return decodeNumberOrder(row.data);
}

async function saveOrder(deps: EmulatorDeps, accountId: string, order: NumberOrder) {
  await deps.store.putResource(documentResource(accountId, NUMBER_ORDER_KIND, order));
}

/** The spec's list filters: status, customer_reference, requirements_met, count, created_at. */
function matches(order: NumberOrder, params: QueryParams): boolean {
  const values: Readonly<Record<string, string | number | boolean | undefined>> = {
    status: order.status,
    customer_reference: order.customer_reference,
    requirements_met: order.requirements_met,
    phone_numbers_count: order.phone_numbers_count,
  };
  const equal = ([key, value]: readonly [string, string | number | boolean | undefined]) => {
    const wanted = params.get(`filter[${key}]`);
    return wanted === undefined || (value !== undefined && String(value) === wanted);
  };
  const after = params.get('filter[created_at][gt]');
  const before = params.get('filter[created_at][lt]');
  return (
    Object.entries(values).every(equal) &&
    (after === undefined || order.created_at > after) &&
    (before === undefined || order.created_at < before)
  );
}
