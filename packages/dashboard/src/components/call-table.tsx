import type { ComponentChild } from 'preact';
import { when } from './format.js';

/** One row of a call list: Call Control calls and TeXML calls alike. */
export interface CallRow {
  readonly id: string;
  /** What the first column shows: a phase badge, a TeXML status. */
  readonly state: ComponentChild;
  readonly direction: string;
  readonly from: string;
  readonly to: string;
  readonly startTime: string | null;
}

interface CallTableProps {
  readonly rows: readonly CallRow[];
  readonly stateLabel: string;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
}

/** The calls, newest as the API lists them, each with an Open button that selects it. */
export function CallTable({ rows, stateLabel, selected, onSelect }: CallTableProps) {
  if (rows.length === 0) return <p>No calls yet.</p>;
  return (
    <table class="calls">
      <thead>
        <tr>
          <th scope="col">{stateLabel}</th>
          <th scope="col">Direction</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Started</th>
          <th scope="col">
            <span class="visually-hidden">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} aria-selected={row.id === selected} data-call-id={row.id}>
            <td>{row.state}</td>
            <td>{row.direction}</td>
            <td>{row.from}</td>
            <td>{row.to}</td>
            <td>{when(row.startTime)}</td>
            <td>
              <button
                type="button"
                onClick={() => {
                  onSelect(row.id);
                }}
              >
                Open <span class="visually-hidden">call from {row.from}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
