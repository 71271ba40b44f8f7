import { parentPort } from 'node:worker_threads';
import { Analyzer } from '../analyze.js';
import { DossierError } from '../core/errors.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

/** A pool worker: one Analyzer, loaded once, answering one article at a time. */
if (!parentPort) throw new Error('dossier: parallel/worker runs only as a worker thread');
const port = parentPort;
const analyzer = new Analyzer();

port.on('message', ({ id, article, json }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const { result, lessons } = analyzer.analyzeWithLessons(article);
    reply = { id, ok: true, result: json ? JSON.stringify(result) : result, lessons };
  } catch (e) {
    const err = e instanceof DossierError ? e : new DossierError('INTERNAL', e instanceof Error ? e.message : String(e));
    // the message without the location prefix the error adds; the pool adds it back from `where`
    const message = err.where && err.message.startsWith(`${err.where}: `) ? err.message.slice(err.where.length + 2) : err.message;
    reply = { id, ok: false, code: err.code, message, ...(err.where ? { where: err.where } : {}) };
  }
  port.postMessage(reply);
});
