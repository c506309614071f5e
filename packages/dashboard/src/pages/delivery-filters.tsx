import { useState } from 'preact/hooks';
import { Field } from '../components/field.js';

export interface DeliveryFilterValues {
  readonly status: string;
  readonly eventType: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
}

export const NO_FILTERS: DeliveryFilterValues = {
  status: '',
  eventType: '',
  from: '',
  to: '',
  text: '',
};

/** The filters as `GET /v2/webhook_deliveries` query parameters. */
export function filterQuery(filters: DeliveryFilterValues): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status !== '') query.set('filter[status][eq]', filters.status);
  if (filters.eventType !== '') query.set('filter[event_type]', filters.eventType);
  if (filters.from !== '')
    query.set('filter[started_at][gte]', new Date(filters.from).toISOString());
  if (filters.to !== '') query.set('filter[started_at][lte]', new Date(filters.to).toISOString());
  if (filters.text !== '') query.set('filter[webhook][contains]', filters.text);
  return query;
}

export interface DeliveryFiltersProps {
  readonly onApply: (filters: DeliveryFilterValues) => void;
}

/** The filter form; applies on submit so typing does not fire a request per key. */
export function DeliveryFilters({ onApply }: DeliveryFiltersProps) {
  const [draft, setDraft] = useState(NO_FILTERS);
  const set = (name: keyof DeliveryFilterValues) => (value: string) => {
    setDraft({ ...draft, [name]: value });
  };
  return (
    <form
      class="filters"
      aria-label="Filter deliveries"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Field
        id="filter-status"
        label="Status"
        value={draft.status}
        onInput={set('status')}
        options={['', 'delivered', 'failed']}
      />
      <Field
        id="filter-event-type"
        label="Event type"
        value={draft.eventType}
        onInput={set('eventType')}
        hint="e.g. call.answered; commas for several"
      />
      <Field
        id="filter-from"
        label="Started from"
        type="datetime-local"
        value={draft.from}
        onInput={set('from')}
      />
      <Field
        id="filter-to"
        label="Started until"
        type="datetime-local"
        value={draft.to}
        onInput={set('to')}
      />
      <Field
        id="filter-text"
        label="Text in the webhook"
        value={draft.text}
        onInput={set('text')}
      />
      <div class="actions">
        <button type="submit">Apply filters</button>
        <button
          type="reset"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
