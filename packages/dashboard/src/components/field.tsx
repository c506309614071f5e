import type { TargetedEvent } from 'preact';

export interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  /** The API's message for this field, shown under it and linked with aria-describedby. */
  readonly error?: string | undefined;
  readonly type?: string;
  readonly options?: readonly string[] | undefined;
  readonly hint?: string | undefined;
}

/** A labelled input (or select, given `options`) with its validation error beside it. */
export function Field(props: FieldProps) {
  const errorId = `${props.id}-error`;
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    'aria-invalid': props.error === undefined ? undefined : true,
    'aria-describedby': props.error === undefined ? undefined : errorId,
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLSelectElement>) => {
      props.onInput(event.currentTarget.value);
    },
  };
  return (
    <div class={props.error === undefined ? 'field' : 'field invalid'}>
      <label for={props.id}>{props.label}</label>
      {props.options === undefined ? (
        <input type={props.type ?? 'text'} {...common} />
      ) : (
        <select {...common}>
          {props.options.map((option) => (
            <option value={option} key={option}>
              {option === '' ? '(none)' : option}
            </option>
          ))}
        </select>
      )}
      {props.hint === undefined ? null : <small class="muted">{props.hint}</small>}
      {props.error === undefined ? null : (
        <small id={errorId} class="error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}
