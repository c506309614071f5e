import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import {
  eventTemplate,
  isKnownEventType,
  KNOWN_EVENT_TYPES,
  type TelnyxEventType,
} from '@switchboard/core';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../client/cli-error.js';
import { addFormatOption, createOutput, formatOf } from '../output/output.js';
import { runAction } from './run-action.js';

/** `switchboard templates list|show|export`: the built-in event templates `trigger` sends. */
export function templatesCommand(io: CliIo): Command {
  return new Command('templates')
    .description('list, show and export the built-in event templates')
    .addCommand(listCommand(io))
    .addCommand(showCommand(io))
    .addCommand(exportCommand(io));
}

function listCommand(io: CliIo): Command {
  return addFormatOption(new Command('list').description('list the built-in event types')).action(
    (options: { format?: string }) =>
      runAction(io, () => {
        const rows = [...KNOWN_EVENT_TYPES].sort().map((type) => ({ event_type: type }));
        createOutput(io, formatOf(options)).table(
          [{ header: 'EVENT TYPE', value: (row) => row.event_type }],
          rows,
        );
        return Promise.resolve();
      }),
  );
}

function showCommand(io: CliIo): Command {
  return new Command('show')
    .description('print one template as a webhook body')
    .argument('<event_type>')
    .action((type: string) =>
      runAction(io, () => {
        io.out(JSON.stringify(eventTemplate(knownType(type)), null, 2));
        return Promise.resolve();
      }),
    );
}

function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description('write templates to files, to edit and send with `trigger --template`')
    .argument('[event_type]', 'one type; default: all of them')
    .option('--out <path>', 'file (one type) or directory (all types)')
    .action((type: string | undefined, options: { out?: string }) =>
      runAction(io, () => exportTemplates(type, options.out, io)),
    );
}

async function exportTemplates(
  type: string | undefined,
  out: string | undefined,
  io: CliIo,
): Promise<void> {
  if (type !== undefined) {
    const path = out ?? `${type}.json`;
    await writeFile(path, templateText(knownType(type)));
    io.out(`Wrote ${path}`);
    return;
  }
  const dir = out ?? 'templates';
  await mkdir(dir, { recursive: true });
  for (const each of KNOWN_EVENT_TYPES)
    await writeFile(join(dir, `${each}.json`), templateText(each));
  io.out(`Wrote ${KNOWN_EVENT_TYPES.length} templates to ${dir}`);
}

function templateText(type: TelnyxEventType): string {
  return `${JSON.stringify(eventTemplate(type), null, 2)}\n`;
}

function knownType(type: string): TelnyxEventType {
  if (isKnownEventType(type)) return type;
  throw new UsageError(`no built-in template for "${type}": see \`switchboard templates list\``);
}
