import { EventEmitter, on } from 'node:events';
import { sql } from 'drizzle-orm';
import { listenOn, type Database } from '../db/client';

/**
 * Live timeline updates. A write announces its case with NOTIFY in its transaction (so only
 * committed work is announced); each server process LISTENs once and fans the case ids out
 * to its open subscriptions. Any number of instances can run: each hears every NOTIFY.
 */
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

/**
 * The NOTIFY of a timeline write, not yet sent (the event path sends it with the write): inside
 * the writing transaction, delivered to listeners when it commits.
 */
export function announcement(tx: Database, caseId: string) {
  return tx.execute(sql`select pg_notify(${channel}, ${caseId})`);
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
