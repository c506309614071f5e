import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { formatTable, type Column } from './format-table.js';
import { progressBar, type ProgressBar } from './progress-bar.js';

/** `text` for people, `json` for machines (one object per line). */
export type OutputFormat = 'text' | 'json';

/** Version of the JSON line shape; bumped only on a breaking change. */
export const SCHEMA_VERSION = 1;

/** A plain JSON-able record. */
export type Row = Readonly<Record<string, unknown>>;

/**
 * Everything a command prints goes through here, so `--format json` gives one JSON object per
 * line (each with `schema_version`) and text stays aligned and one line per event.
 */
export interface Output {
  readonly format: OutputFormat;
  /** One event of a stream: `human` as text, `data` as a JSON line. */
  item(human: string, data: Row): void;
  /** Rows as an aligned table, or one JSON line per row. */
  table<T extends Row>(columns: readonly Column<T>[], rows: readonly T[]): void;
  /** A record: `lines` as text (e.g. `NAME=value`), `data` as one JSON line. */
  record(lines: readonly string[], data: Row): void;
  /** A note for people only (stderr), never in JSON output. */
  note(line: string): void;
  /** A bar on a TTY in text mode; silent otherwise. */
  progress(total: number, label: string): ProgressBar;
}

/** Adds `--format text|json` to a command. */
export function addFormatOption(command: Command): Command {
  return command.addOption(
    new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
  );
}

/** An Output writing to `io` in `format`. */
export function createOutput(io: CliIo, format: OutputFormat = 'text'): Output {
  const json = (data: Row): void => {
    io.out(JSON.stringify({ schema_version: SCHEMA_VERSION, ...data }));
  };
  const text = format === 'text';
  return {
    format,
    item: (human, data) => {
      if (text) io.out(human);
      else json(data);
    },
    table: (columns, rows) => {
      if (text) for (const line of formatTable(columns, rows)) io.out(line);
      else for (const row of rows) json(row);
    },
    record: (lines, data) => {
      if (text) for (const line of lines) io.out(line);
      else json(data);
    },
    note: (line) => {
      if (text) io.err(line);
    },
    progress: (total, label) => progressBar(total, label, text ? io.tty : undefined),
  };
}

/** The format commander parsed (`--format`), `text` when absent. */
export function formatOf(options: { readonly format?: unknown }): OutputFormat {
  return options.format === 'json' ? 'json' : 'text';
}
