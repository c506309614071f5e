import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams, type QueryParams } from '../../api/query-params.js';
import { valueOrThrow as checkedOrThrow } from '../../api/validation/checked.js';
import { NotFoundError, ValidationError } from '../../errors/api-error.js';
import type { JsonObject } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { randomUuid } from '../messaging/random-uuid.js';
import { readNumberSearch } from './available-number-search.js';
import { searchNumbers } from './available-numbers.js';
import { documentResource } from '../stored-document.js';
import { asBody } from './body-checks.js';
import { stringField } from './json-fields.js';
import { newNumberOrder, NUMBER_ORDER_KIND, updateNumberOrder } from './number-order.js';
import { checkNumberOrder, checkOrderUpdate } from './number-order-request.js';
import { newPhoneNumber, numericId, type PhoneNumber } from './phone-number.js';
import { deleteNumber, listNumbers, saveNumber } from './phone-number-store.js';
import { isResourceConflict } from '../../storage/resource-conflict-error.js';
import { valueOrThrow } from './to-api-error.js';

type OrderRequest = FastifyRequest<{ Params: { number_order_id: string } }>;

/** `GET /v2/available_phone_numbers` and `/v2/number_orders`, which add numbers to the account. */
export function registerNumberOrderRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  app.get('/v2/available_phone_numbers', async (request) => {
    const search = checkedOrThrow(readNumberSearch(queryParams(request.query), request.query));
    const owned = await listNumbers(deps.store, deps.accountId(request));
    const data = searchNumbers(search, new Set(owned.map((n) => n.phone_number)));
    const meta = { total_results: data.length, best_effort_results: 0 };
    return { data, meta, metadata: meta };
  });
  app.post('/v2/number_orders', (request) => createOrder(deps, request));
  app.get('/v2/number_orders', async (request) => {
    const params = queryParams(request.query);
    const page = checkedOrThrow(parsePage(params));
    const rows = await deps.store.listResources(deps.accountId(request), NUMBER_ORDER_KIND);
    const orders = rows.map((row) => row.data).filter((order) => matches(order, params));
    return { data: slicePage(orders, page), meta: pageMeta(page, orders.length) };
  });
  app.get('/v2/number_orders/:number_order_id', async (request: OrderRequest) => ({
    data: await loadOrder(deps, request),
  }));
  app.patch('/v2/number_orders/:number_order_id', async (request: OrderRequest) => {
    const order = await loadOrder(deps, request);
    const change = valueOrThrow(checkOrderUpdate(valueOrThrow(asBody(request.body))));
    const updated = updateNumberOrder(order, change, deps.now());
    await saveOrder(deps, deps.accountId(request), updated);
    return { data: updated };
  });
}

/**
 * Fills the order at once: each number joins the account with the order's connection,
 * messaging profile, billing group and reference, then `number_order.complete` is sent.
 */
async function createOrder(deps: EmulatorDeps, request: FastifyRequest) {
  const accountId = deps.accountId(request);
  const body = valueOrThrow(asBody(request.body));
  const order = valueOrThrow(await checkNumberOrder(deps.store, accountId, body));
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
  return { data: created };
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
  order: JsonObject,
  request: { readonly connectionId: string | null; readonly messagingProfileId: string | null },
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

async function loadOrder(deps: EmulatorDeps, request: OrderRequest): Promise<JsonObject> {
  const id = pathParam(request, 'number_order_id');
  const row = await deps.store.getResource(deps.accountId(request), NUMBER_ORDER_KIND, id);
  if (row === null) throw new NotFoundError(`Number order ${id} not found.`);
  return row.data;
}

async function saveOrder(deps: EmulatorDeps, accountId: string, order: JsonObject) {
  await deps.store.putResource(documentResource(accountId, NUMBER_ORDER_KIND, order));
}

/** The spec's list filters: status, customer_reference, requirements_met, count, created_at. */
function matches(order: JsonObject, params: QueryParams): boolean {
  const equal = (key: string) => {
    const wanted = params.get(`filter[${key}]`);
    return wanted === undefined || JSON.stringify(order[key]).replace(/^"|"$/g, '') === wanted;
  };
  const created = stringField(order, 'created_at');
  const after = params.get('filter[created_at][gt]');
  const before = params.get('filter[created_at][lt]');
  return (
    ['status', 'customer_reference', 'requirements_met', 'phone_numbers_count'].every(equal) &&
    (after === undefined || created > after) &&
    (before === undefined || created < before)
  );
}
