/** `bench:publish`'s table: every row as deliveries/s and share of the run's ceiling, then the targets. */
import type { BenchSettings, RowResult } from './publish-rows.js';

export interface BenchReport {
  readonly settings: BenchSettings;
  /** The ceiling measured first and last; shares are of their mean. */
  readonly ceilings: readonly [RowResult, RowResult];
  readonly results: readonly RowResult[];
  readonly failures: readonly string[];
  readonly loadAtStart: number;
  readonly logs: string;
}

const ms = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : value.toFixed(1);
const share = (value: number): string => `${Math.round(value * 100)}%`;

export function printReport(report: BenchReport): void {
  const { settings, ceilings, results } = report;
  const ceiling = (ceilings[0].perSecond + ceilings[1].perSecond) / 2;
  console.log(
    `Node ${process.version}, ${settings.count} events per row after ${settings.warmupCount} untimed, ${settings.concurrency} callers and senders, ` +
      `batches of ${settings.batchSize}, backlog ≤ ${settings.maxBacklog}, ${settings.origins} origins; ` +
      `ceiling ${Math.round(ceiling)}/s (first ${Math.round(ceilings[0].perSecond)}, last ${Math.round(ceilings[1].perSecond)}); ` +
      `1-min load at start ${report.loadAtStart.toFixed(2)}; logs in ${report.logs}\n`,
  );
  console.log(
    '| row | deliveries/s | of ceiling | p50 ms | p99 ms | sender peak RSS MB | CPU µs/delivery: sender · store · app · receiver | load |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of [ceilings[0], ...results, ceilings[1]]) {
    const open =
      row.requestP99Ms === undefined
        ? ''
        : ` (POST p50 ${ms(row.requestP50Ms)} / p99 ${ms(row.requestP99Ms)} ms)`;
    console.log(
      `| ${row.name}${open} | ${Math.round(row.perSecond)} | ${share(row.perSecond / ceiling)} | ${ms(row.p50Ms)} | ${ms(row.p99Ms)} | ${row.senderRssMb} | ${row.cpuUs.sender} · ${row.cpuUs.store ?? '–'} · ${row.cpuUs.caller} · ${row.cpuUs.receiver} | ${row.load[0].toFixed(1)}→${row.load[1].toFixed(1)} |`,
    );
  }
  for (const failure of report.failures) console.log(`\nFAILED: ${failure}`);
  console.log('');
  for (const line of targets(results, ceiling)) console.log(line);
}

function find(results: readonly RowResult[], ...words: string[]): RowResult | undefined {
  return results.find((row) => words.every((word) => row.name.includes(word)));
}

function best(rows: readonly (RowResult | undefined)[]): RowResult | undefined {
  return rows.reduce<RowResult | undefined>(
    (top, row) =>
      row !== undefined && (top === undefined || row.perSecond > top.perSecond) ? row : top,
    undefined,
  );
}

/** Each target of issue 15 with the figure that decides it. */
function targets(results: readonly RowResult[], ceiling: number): string[] {
  const lines: string[] = [];
  const check = (
    what: string,
    value: number | null | undefined,
    holds: (v: number) => boolean,
    shown: (v: number) => string,
  ): void => {
    if (value === null || value === undefined) lines.push(`- ${what}: not measured`);
    else lines.push(`- ${what}: ${shown(value)} → ${holds(value) ? 'holds' : 'MISSED'}`);
  };
  const sqliteSingle = find(results, 'SQLite', 'one event');
  const sqliteBatch = find(results, 'SQLite', 'createPublisher');
  const pgBatch = find(results, 'PostgreSQL, createPublisher');
  const peerSingle = best([
    find(results, 'BullMQ', 'one event'),
    find(results, 'graphile', 'one event'),
  ]);
  const peerBatch = best([
    find(results, 'BullMQ', 'batches'),
    find(results, 'graphile', 'batches'),
  ]);
  const of = (row: RowResult | undefined): number | undefined =>
    row === undefined ? undefined : row.perSecond / ceiling;
  const ratio = (ours: RowResult | undefined, theirs: RowResult | undefined): number | undefined =>
    ours === undefined || theirs === undefined ? undefined : ours.perSecond / theirs.perSecond;
  check(
    'single-event publish, SQLite, ≥ 0.5 of the ceiling',
    of(sqliteSingle),
    (v) => v >= 0.5,
    (v) => v.toFixed(2),
  );
  check(
    'batched publish, SQLite, ≥ 0.65 of the ceiling',
    of(sqliteBatch),
    (v) => v >= 0.65,
    (v) => v.toFixed(2),
  );
  check(
    'batched publish, PostgreSQL, ≥ 0.5 of the ceiling',
    of(pgBatch),
    (v) => v >= 0.5,
    (v) => v.toFixed(2),
  );
  check(
    `batched, SQLite, ≥ 1.3× the best peer batched (${peerBatch?.name ?? '–'})`,
    ratio(sqliteBatch, peerBatch),
    (v) => v >= 1.3,
    (v) => `${v.toFixed(2)}×`,
  );
  check(
    `single, SQLite, ≥ 1.0× the best peer single (${peerSingle?.name ?? '–'})`,
    ratio(sqliteSingle, peerSingle),
    (v) => v >= 1.0,
    (v) => `${v.toFixed(2)}×`,
  );
  const open = find(results, 'open loop');
  check(
    'p99 of POST /switchboard/events at the open-loop rate ≤ 10 ms',
    open?.requestP99Ms,
    (v) => v <= 10,
    (v) => `${v.toFixed(1)} ms`,
  );
  check(
    'p99 publish-to-first-try at the open-loop rate ≤ 25 ms',
    open?.p99Ms,
    (v) => v <= 25,
    (v) => `${v.toFixed(1)} ms`,
  );
  const serveRss = Math.max(
    0,
    ...results.filter((row) => row.name.startsWith('Switchboard')).map((row) => row.senderRssMb),
  );
  check(
    'peak RSS of switchboard serve ≤ 250 MB',
    serveRss === 0 ? null : serveRss,
    (v) => v <= 250,
    (v) => `${v} MB`,
  );
  return lines;
}
