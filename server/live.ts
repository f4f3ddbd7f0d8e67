import { EventEmitter, on } from 'node:events';
import { listenOn, type Database } from '../db/client';

/**
 * Live timeline updates. Every timeline row announces its case with NOTIFY, from a trigger in
 * the writing transaction (migration 0023), so only committed work is announced, whoever wrote
 * it; each server process LISTENs once and fans the case ids out to its open subscriptions.
 * Any number of instances can run: each hears every NOTIFY.
 */
// The channel the trigger of migration 0023 notifies on.
const channel = 'timeline';
const hubs = new WeakMap<Database, { emitter: EventEmitter; ready: Promise<unknown> }>();

function hub(db: Database) {
  let found = hubs.get(db);
  if (!found) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    found = { emitter, ready: listenOn(db, channel, (caseId) => emitter.emit(caseId)) };
    hubs.set(db, found);
  }
  return found;
}


/** Yields once per committed timeline write on the case, until the signal aborts. */
export async function* timelineChanges(db: Database, caseId: string, signal?: AbortSignal): AsyncGenerator<void> {
  const { emitter, ready } = hub(db);
  await ready;
  try {
    for await (const _ of on(emitter, caseId, { signal })) yield;
  } catch (error) {
    if ((error as { name?: string }).name !== 'AbortError') throw error;
  }
}
