import { useState } from 'preact/hooks';
import type { ApiClient, ApiErrorItem } from '../api/api-client.js';
import { errorText, fieldErrors } from '../api/api-client.js';
import { Banner } from '../components/banner.js';
import { Field } from '../components/field.js';
import { text } from '../components/format.js';

/** One editable field of a resource: its API name, label, and how its text maps to JSON. */
/** A resource the settings forms edit (Call Control and TeXML applications, messaging profiles): any members, and an id. */
export type ResourceView = Readonly<Record<string, unknown>> & { readonly id: string };

export interface SettingSpec {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'url' | 'number';
  readonly options?: readonly string[];
  readonly hint?: string;
}

export interface SettingsFormProps {
  readonly api: ApiClient;
  /** Collection path, e.g. `/v2/call_control_applications`. */
  readonly path: string;
  readonly specs: readonly SettingSpec[];
  /** Null to create. */
  readonly resource: ResourceView | null;
  readonly onSaved: (saved: ResourceView) => void;
  readonly idPrefix: string;
}

/**
 * Creates (POST) or edits (PATCH) a resource. The API validates; its 422 items are shown next
 * to the fields their `source.pointer` names, and anything else above the button.
 */
export function SettingsForm(props: SettingsFormProps) {
  const [values, setValues] = useState(() => initialValues(props.specs, props.resource));
  const [errors, setErrors] = useState<readonly ApiErrorItem[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const byField = fieldErrors(errors);
  const unplaced = errors.filter(
    (error) => !props.specs.some((spec) => byField[spec.name] === error.detail),
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = requestBody(props.specs, values);
    const result =
      props.resource === null
        ? await props.api.post<ResourceView>(props.path, body)
        : await props.api.patch<ResourceView>(`${props.path}/${props.resource.id}`, body);
    setErrors(result.ok ? [] : result.errors);
    setSaved(result.ok ? 'Saved.' : null);
    if (result.ok) props.onSaved(result.data);
  };
  return (
    <form class="settings" onSubmit={(event) => void submit(event)} noValidate>
      {props.specs.map((spec) => (
        <Field
          key={spec.name}
          id={`${props.idPrefix}-${spec.name}`}
          label={spec.label}
          type={spec.type ?? 'text'}
          value={values[spec.name] ?? ''}
          options={spec.options}
          hint={spec.hint}
          error={byField[spec.name]}
          onInput={(value) => {
            setValues({ ...values, [spec.name]: value });
          }}
        />
      ))}
      <Banner message={unplaced.length > 0 ? errorText({ errors: unplaced }) : null} />
      <Banner message={saved} kind="info" />
      <button type="submit">{props.resource === null ? 'Create' : 'Save changes'}</button>
    </form>
  );
}

function initialValues(
  specs: readonly SettingSpec[],
  resource: ResourceView | null,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const spec of specs) {
    const value = resource?.[spec.name];
    values[spec.name] = text(value, spec.options?.[0] ?? '');
  }
  return values;
}

/** Numbers go as numbers (a blank one as null), so the API judges the value, not its type. */
function requestBody(
  specs: readonly SettingSpec[],
  values: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of specs) {
    const text = (values[spec.name] ?? '').trim();
    if (spec.type === 'number') body[spec.name] = text === '' ? null : Number(text);
    else body[spec.name] = text;
  }
  return body;
}
