import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditLog, caseParties, cases, evidenceFiles, timelineEvents } from '../../db/schema';
import { dataDir } from '../../server/config';
import { erasedText } from '../../server/domain/erasure';
import { sealAuditChains, verifyAuditChains } from '../../server/services/audit-chain';
import { systemContext } from '../../server/services/context';
import { readEvidence } from '../../server/services/evidence';
import { runRetentionSweep, setLegalHold } from '../../server/services/retention';
import { callerAs, freshDatabase, jiashanCenterId, testIdNumbers, timelineOf, tinyPng, uploadForm, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
const now = new Date('2037-06-01T08:00:00Z');
const policy = { years: 10, smsOutboxDays: 90 };
const operator = () => systemContext(handle.db, 'operator').actor;

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

let n = 0;
/** A walk-in registered by the clerk for a named applicant with an ID number and a photo, then concluded at `endedAt`. */
async function concludedCase(status: 'closed' | 'declined', endedAt: string) {
  const clerk = await callerAs(handle.db, 'clerk');
  const file = await clerk.evidence.upload(uploadForm(tinyPng(), `李秀英身份证${++n}.png`));
  const created = await clerk.intake.register({
    ...wagePetition(centerId, {
      title: `留存测试${n}号李秀英工资`,
      respondent: { kind: 'person', name: `赵老板${n}` },
      applicants: [{ name: '李秀英', phone: '13912345678', idNumber: testIdNumbers[1], isRepresentative: true }, { name: '王大海', phone: '13800000001', idNumber: testIdNumbers[0], isRepresentative: false }],
      evidenceIds: [file.id],
    }),
    channel: 'walk_in',
    inPerson: true,
  });
  const ended = new Date(endedAt);
  await handle.db.update(cases).set(status === 'closed' ? { status, closedAt: ended } : { status, decidedAt: ended }).where(eq(cases.id, created.id));
  return created;
}

const partiesOf = (caseId: string) => handle.db.select().from(caseParties).where(eq(caseParties.caseId, caseId));
const caseRow = async (caseId: string) => (await handle.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;

describe('retention', () => {
  it('erases the personal data of cases concluded longer ago than the period, unless on legal hold, and keeps the audit chain whole', async () => {
    const old = await concludedCase('closed', '2026-05-01T00:00:00Z');
    const held = await concludedCase('closed', '2026-05-01T00:00:00Z');
    const recent = await concludedCase('closed', '2030-01-01T00:00:00Z');
    const declined = await concludedCase('declined', '2027-01-01T00:00:00Z');
    await setLegalHold(handle.db, operator(), { caseNumber: held.caseNumber, reason: '诉讼中' });
    const [file] = await handle.db.select().from(evidenceFiles).where(eq(evidenceFiles.caseId, old.id));
    const stored = path.resolve(dataDir(), 'files', file!.storageKey);
    expect(fs.existsSync(stored)).toBe(true);
    await sealAuditChains(handle.db);

    expect(await runRetentionSweep(handle.db, policy, now)).toEqual({ erased: 2, more: false });

    for (const erased of [old, declined]) {
      const parties = await partiesOf(erased.id);
      expect(new Set(parties.map((p) => JSON.stringify([p.name, p.normalizedName, p.phone, p.idNumberHash, p.idNumberEncrypted, p.creditCode, p.userId])))).toEqual(
        new Set([JSON.stringify([erasedText, '', null, null, null, null, null])]),
      );
      expect(await caseRow(erased.id)).toMatchObject({ title: erasedText, description: '', request: '', personalDataErasedAt: now, category: 'labor_wages' });
    }
    // The file is gone from disk and from reach; its row keeps the hash, not the name.
    expect(fs.existsSync(stored)).toBe(false);
    const [erasedFile] = await handle.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, file!.id));
    expect(erasedFile).toMatchObject({ fileName: 'evidence.png', sha256: file!.sha256, erasedAt: now });
    await expect(readEvidence(handle.db, await userByLogin(handle.db, 'director'), file!.id)).rejects.toMatchObject({ kind: 'not_found' });
    const director = await callerAs(handle.db, 'director');
    // The timeline still reads, without the names it held.
    const events = await handle.db.select({ kind: timelineEvents.kind, body: timelineEvents.body }).from(timelineEvents).where(eq(timelineEvents.caseId, old.id));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'registered', body: expect.objectContaining({ registeredFor: erasedText }) }));
    expect(JSON.stringify(events)).not.toContain('李秀英');
    expect((await timelineOf(director, old.id)).length).toBeGreaterThan(0);

    for (const kept of [held, recent]) {
      expect((await partiesOf(kept.id)).map((p) => p.name)).toContain('李秀英');
      expect((await caseRow(kept.id)).personalDataErasedAt).toBeNull();
    }
    const [erasure] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.personal_data_erased'), eq(auditLog.entityId, old.id)));
    expect(erasure).toMatchObject({ actorSystem: 'retention_sweep', centerId });
    await sealAuditChains(handle.db);
    expect((await verifyAuditChains(handle.db)).ok).toBe(true);

    // Released from hold: erased at the next sweep; a sweep after that finds nothing.
    await setLegalHold(handle.db, operator(), { caseNumber: held.caseNumber, reason: null });
    expect((await runRetentionSweep(handle.db, policy, now)).erased).toBe(1);
    expect((await caseRow(held.id)).legalHoldReason).toBeNull();
    expect((await runRetentionSweep(handle.db, policy, now)).erased).toBe(0);
    expect((await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'case.legal_hold')))[0]!.n).toBe(1);
  });
});
