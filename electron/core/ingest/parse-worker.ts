// A parsing thread of ingestMany (batch.ts): reads and parses the files it is sent, one at a time.

import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseReply, type ParseRequest } from './batch.ts';
import { IngestError } from './errors.ts';

parentPort?.on('message', ({ id, item }: ParseRequest) => {
  void answer(id, item);
});

async function answer(id: number, item: ParseRequest['item']): Promise<void> {
  let reply: ParseReply;
  try {
    reply = { id, json: JSON.stringify(await parseFile(item)) };
  } catch (e) {
    reply = e instanceof IngestError ? { id, file: e.file, problem: e.problem, why: e.why } : { id, message: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
}
