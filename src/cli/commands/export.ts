import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../core/errors.js';
import { GDELT_COLUMNS, allHappenings, exportResults, gdeltRow, ploverRecord } from '../../store/export.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import type { Store } from '../../store/store.js';
import { checkedOutput } from '../output-file.js';
import { openDb } from './db-option.js';
import { EVENT_FILTER_OPTIONS, EVENT_FILTER_USAGE, eventQuery } from './events.js';
import { csvField, dateRangeOptions } from './query-output.js';

const USAGE = `usage: dossier export --format results|plover|gdelt [--output FILE] [--db FILE] [filters]

  --format results   JSONL in the result format, one analysed article a line (filters: --outlet, --from, --to)
  --format plover    JSONL of happenings, PLOVER-style, each with its reports and number of sources
  --format gdelt     CSV with GDELT-like columns: date, actor codes, CAMEO code, quad class, score,
                     number of sources, URL (one row per happening)
  --output FILE      where to write (default: standard output)
${EVENT_FILTER_USAGE}
  --from D --to D    dates, inclusive (YYYY-MM-DD)`;

export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(exportCommand, argv, io, {
      db: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, ...EVENT_FILTER_OPTIONS,
    });
    if (!args) return 0;
    const { values } = args;
    const format = values.format;
    if (format !== 'results' && format !== 'plover' && format !== 'gdelt') {
      throw new DossierError('USAGE', `export: --format must be results, plover or gdelt\n${USAGE}`);
    }
    const query = eventQuery({ ...values, limit: undefined, offset: undefined });
    const store = openDb(values.db, io, { readonly: true });
    const file = values.output ? openOutput(path.resolve(io.cwd, values.output), store) : null;
    const sink: NodeJS.WritableStream = file ?? io.stdout;
    // a reader that stops early (`| head`) closes the pipe: the export then ends quietly
    let closed = false;
    const onError = (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') closed = true; else throw e; };
    sink.on('error', onError);
    const write = async (line: string): Promise<boolean> => {
      if (closed) return false;
      if (!sink.write(line)) await new Promise((r) => { sink.once('drain', r); sink.once('error', r); });
      return !closed;
    };
    let n = 0;
    try {
      if (format === 'results') {
        for (const r of exportResults(store, { ...dateRangeOptions(values), outlet: values.outlet })) {
          if (!await write(`${JSON.stringify(r)}\n`)) break;
          n++;
        }
      } else if (format === 'plover') {
        for (const h of allHappenings(store, query)) { if (!await write(`${JSON.stringify(ploverRecord(h))}\n`)) break; n++; }
      } else if (await write(`${GDELT_COLUMNS.join(',')}\n`)) {
        for (const h of allHappenings(store, query)) { if (!await write(`${gdeltRow(h).map(csvField).join(',')}\n`)) break; n++; }
      }
    } finally {
      if (!file) sink.off('error', onError);
      store.close();
      if (file) await new Promise<void>((resolve, reject) => { file.on('error', reject); file.end(resolve); });
    }
    if (!closed) io.stderr.write(`dossier: exported ${n} ${format === 'results' ? 'articles' : 'happenings'}${values.output ? ` to ${values.output}` : ''}\n`);
    return 0;
  },
};

/** The output file, checked before any work (see checkedOutput). */
function openOutput(file: string, store: Store): WriteStream {
  try {
    return createWriteStream(checkedOutput(file));
  } catch (e) {
    store.close();
    throw e;
  }
}
