export interface JsonViewProps {
  readonly value: unknown;
  readonly label: string;
}

/** Formatted JSON in a scrollable, focusable block, so keyboard users can scroll it too. */
export function JsonView({ value, label }: JsonViewProps) {
  return (
    <pre class="code" tabIndex={0} aria-label={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** A body as text: pretty-printed when it is JSON. */
export function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
