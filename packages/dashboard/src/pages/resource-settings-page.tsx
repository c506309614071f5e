import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type { ResourceView } from './settings-form.js';
import { Banner } from '../components/banner.js';
import { text } from '../components/format.js';
import { usePoll } from '../use-poll.js';
import { SettingsForm, type SettingSpec } from './settings-form.js';

export interface ResourceSettingsPageProps {
  readonly api: ApiClient;
  readonly title: string;
  /** Singular noun for buttons, e.g. "application". */
  readonly noun: string;
  readonly path: string;
  readonly nameField: string;
  readonly specs: readonly SettingSpec[];
  /** Columns of the list besides the name. */
  readonly columns: readonly SettingSpec[];
}

/** A list of resources with a create form and an edit form for the one chosen. */
export function ResourceSettingsPage(props: ResourceSettingsPageProps) {
  const [editing, setEditing] = useState<ResourceView | 'new' | null>(null);
  const { value, reload } = usePoll(
    () => props.api.get<ResourceView[]>(`${props.path}?page[size]=250`),
    10_000,
    props.path,
  );
  const saved = (resource: ResourceView) => {
    setEditing(resource);
    reload();
  };
  return (
    <section aria-labelledby="resources-title">
      <h1 id="resources-title">{props.title}</h1>
      <button
        type="button"
        onClick={() => {
          setEditing('new');
        }}
      >
        New {props.noun}
      </button>
      {value === null ? (
        <p>Loading…</p>
      ) : value.ok ? (
        <List {...props} rows={value.data} onEdit={setEditing} />
      ) : (
        <Banner message={errorText(value)} />
      )}
      {editing === null ? null : (
        <section class="editor" aria-labelledby="editor-title">
          <h2 id="editor-title">
            {editing === 'new'
              ? `New ${props.noun}`
              : `Edit ${text(editing[props.nameField], editing.id)}`}
          </h2>
          <SettingsForm
            key={editing === 'new' ? 'new' : editing.id}
            api={props.api}
            path={props.path}
            specs={props.specs}
            resource={editing === 'new' ? null : editing}
            onSaved={saved}
            idPrefix={props.noun.replaceAll(' ', '-')}
          />
        </section>
      )}
    </section>
  );
}

interface ListProps extends ResourceSettingsPageProps {
  readonly rows: readonly ResourceView[];
  readonly onEdit: (resource: ResourceView) => void;
}

function List({ rows, nameField, columns, noun, onEdit }: ListProps) {
  if (rows.length === 0) return <p>No {noun}s yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {columns.map((column) => (
            <th scope="col" key={column.name}>
              {column.label}
            </th>
          ))}
          <th scope="col">Id</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{text(row[nameField], '')}</td>
            {columns.map((column) => (
              <td key={column.name} class="url">
                {text(row[column.name])}
              </td>
            ))}
            <td>{row.id}</td>
            <td>
              <button
                type="button"
                onClick={() => {
                  onEdit(row);
                }}
              >
                Edit <span class="visually-hidden">{text(row[nameField], row.id)}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
