import { parentPort } from 'node:worker_threads';
import { Analyzer } from '../analyze.js';
import { DossierError } from '../core/errors.js';
import type { WorkerBatch, WorkerBatchReply, WorkerReply, WorkerRequest } from './protocol.js';

/** A pool worker: one Analyzer, loaded once, answering a request or a batch of them (protocol.ts). */
if (!parentPort) throw new Error('dossier: parallel/worker runs only as a worker thread');
const port = parentPort;
const analyzer = new Analyzer();
const utf8 = new TextEncoder();

port.on('message', (message: WorkerRequest | WorkerBatch) => {
  if ('batch' in message) {
    const replies = message.batch.map(answer);
    port.postMessage({ batch: replies } satisfies WorkerBatchReply, replies.flatMap(moved));
  } else {
    const reply = answer(message);
    port.postMessage(reply, moved(reply));
  }
});

/** The buffer of a reply's JSON text, moved to the asking thread rather than copied (TextEncoder gives each text a buffer of its own). */
function moved(reply: WorkerReply): ArrayBuffer[] {
  return reply.ok && reply.result instanceof Uint8Array ? [reply.result.buffer as ArrayBuffer] : [];
}

function answer({ id, article, json }: WorkerRequest): WorkerReply {
  try {
    const { result, lessons } = analyzer.analyzeWithLessons(article);
    return { id, ok: true, result: json ? utf8.encode(JSON.stringify(result)) : result, lessons };
  } catch (e) {
    const err = e instanceof DossierError ? e : new DossierError('INTERNAL', e instanceof Error ? e.message : String(e));
    // the message without the location prefix the error adds; the pool adds it back from `where`
    const message = err.where && err.message.startsWith(`${err.where}: `) ? err.message.slice(err.where.length + 2) : err.message;
    return { id, ok: false, code: err.code, message, ...(err.where ? { where: err.where } : {}) };
  }
}
