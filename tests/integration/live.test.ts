import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createCaller } from '../../server/root';
import { createContext } from '../../server/trpc';
import { callerAs, freshDatabase, jiashanCenterId, submitNew, tinyPng, uploadForm, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

/** Everything the login hears on the case's live feed until `until` kinds have all arrived (or 5 s pass). */
async function listen(login: string, caseId: string, until: string[], signal: AbortSignal) {
  const user = await userByLogin(handle.db, login);
  const caller = createCaller(await createContext({ db: handle.db, claims: { userId: user.id, sessionVersion: user.sessionVersion } }), { signal });
  const seen: { kind: string; title: string }[] = [];
  const stream = await caller.case.live({ caseId, after: new Date() });
  try {
    for await (const batch of stream) {
      seen.push(...batch.map((e) => ({ kind: e.kind, title: e.title })));
      if (until.every((k) => seen.some((s) => s.kind === k))) break;
    }
  } catch {
    // aborted
  }
  return seen;
}

describe('the live feed', () => {
  it('carries every kind of write, rendered for the listener: files, links, merges, decisions', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const target = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'person', name: '直播对方' }, title: '直播事项' }));
    const other = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'person', name: '直播另案' }, title: '另案' }));
    const merged = await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'person', name: '直播并案' }, title: '并案' }));
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), 5000);
    const kinds = ['evidence_added', 'linked', 'merged_in', 'accepted'];
    const clerkHears = listen('clerk', target.id, kinds, controller.signal);
    const petitionerHears = listen('13800000001', target.id, ['evidence_added', 'merged_in', 'accepted'], controller.signal);
    await new Promise((r) => setTimeout(r, 200));

    const clerk = await callerAs(handle.db, 'clerk');
    await petitioner.evidence.upload(uploadForm(tinyPng(), '工资条.png', { caseId: target.id }));
    await clerk.intake.link({ caseId: target.id, otherCaseId: other.id });
    await clerk.intake.merge({ caseId: merged.id, intoCaseId: target.id, expectedVersion: 1 });
    const version = (await clerk.case.get({ caseId: target.id })).version;
    await clerk.intake.decide({ caseId: target.id, decision: 'accept', expectedVersion: version });

    const heard = await clerkHears;
    expect(heard.map((e) => e.kind)).toEqual(expect.arrayContaining(kinds));
    expect(heard.find((e) => e.kind === 'evidence_added')!.title).toBe('王大海 添加了材料');
    // The link is the staff's business; the petitioner hears the rest.
    const partyHeard = await petitionerHears;
    expect(partyHeard.map((e) => e.kind)).toEqual(expect.arrayContaining(['evidence_added', 'merged_in', 'accepted']));
    expect(partyHeard.map((e) => e.kind)).not.toContain('linked');
    clearTimeout(timeout);
    controller.abort();
  });
});
