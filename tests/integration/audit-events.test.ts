import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { demoPassword } from '../../db/demo';
import { auditLog, caseParties } from '../../db/schema';
import { auditDocument, auditExport } from '../../server/services/audit';
import { authenticate } from '../../server/services/authenticate';
import { callerAs, freshDatabase, jiashanCenterId, refusal, submitNew, testIdNumbers, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
});
afterAll(() => handle.close());

const latest = async (action: string) => {
  const [row] = await handle.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.createdAt)).limit(1);
  return row;
};

describe('audit rows beyond case events', () => {
  it('records sign-ins and failed sign-ins of an account, without its address', async () => {
    const clerk = await userByLogin(handle.db, 'clerk');
    await authenticate(handle.db, { username: 'clerk', password: demoPassword, ip: '198.51.100.4' });
    expect(await latest('user.sign_in')).toMatchObject({ actorId: clerk.id, centerId: clerk.centerId, entityId: clerk.id, data: {} });
    await expect(authenticate(handle.db, { username: 'clerk', password: 'not-the-password', ip: '198.51.100.4' })).rejects.toThrow();
    expect(await latest('user.sign_in_failed')).toMatchObject({ actorId: clerk.id, entityId: clerk.id, data: {} });
  });

  it('records refused authorizations: a role, a case without a relation, an action the policy does not open', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const created = await submitNew(petitioner, wagePetition(centerId));
    const me = await userByLogin(handle.db, '13800000001');

    expect((await refusal(petitioner.admin.users())).code).toBe('FORBIDDEN');
    expect(await latest('auth.denied')).toMatchObject({ actorId: me.id, entityType: 'procedure', data: { procedure: 'admin.users', reason: 'role' } });

    const otherCenter = await callerAs(handle.db, 'clerk2');
    expect((await refusal(otherCenter.case.get({ caseId: created.id }))).code).toBe('NOT_FOUND');
    const clerk2 = await userByLogin(handle.db, 'clerk2');
    expect(await latest('auth.denied')).toMatchObject({ actorId: clerk2.id, centerId: clerk2.centerId, entityId: created.id, data: { procedure: 'case.get', reason: 'no_relation' } });

    const [party] = await handle.db.select({ id: caseParties.id }).from(caseParties).where(eq(caseParties.caseId, created.id)).limit(1);
    expect((await refusal(petitioner.case.revealContact({ caseId: created.id, partyId: party!.id }))).code).toBe('FORBIDDEN');
    expect(await latest('auth.denied')).toMatchObject({ actorId: me.id, entityId: created.id, data: { procedure: 'case.revealContact', reason: 'policy' } });
  });

  it('gives the document and export records their content hash', async () => {
    const director = await userByLogin(handle.db, 'director');
    const actor = { kind: 'user' as const, user: director };
    const [someCase] = await handle.db.select({ id: auditLog.entityId }).from(auditLog).where(and(eq(auditLog.action, 'case.registered'))).limit(1);
    await handle.db.transaction((tx) => auditDocument(tx, actor, { centerId, caseId: someCase!.id!, kind: 'receipt', sha256: 'a'.repeat(64) }));
    expect(await latest('document.generated')).toMatchObject({ centerId, entityId: someCase!.id, data: { kind: 'receipt', sha256: 'a'.repeat(64), documentId: null } });
    await handle.db.transaction((tx) => auditExport(tx, actor, { centerId, kind: 'case_list', rows: 12, sha256: 'b'.repeat(64) }));
    expect(await latest('export.generated')).toMatchObject({ centerId, data: { kind: 'case_list', rows: 12, sha256: 'b'.repeat(64) } });
  });

  it('holds no personal data in any row: no names, phones or ID numbers', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    const created = await clerk.intake.register({
      ...wagePetition(centerId, { applicants: [{ name: '李秀英', phone: '13912345678', idNumber: testIdNumbers[1], isRepresentative: true }], respondent: { kind: 'person', name: '赵老板' } }),
      channel: 'walk_in',
      inPerson: true,
    });
    const [party] = await handle.db.select({ id: caseParties.id }).from(caseParties).where(eq(caseParties.caseId, created.id)).limit(1);
    await clerk.case.revealContact({ caseId: created.id, partyId: party!.id });
    const rows = await handle.db.select().from(auditLog);
    const everything = JSON.stringify(rows);
    for (const personal of ['李秀英', '13912345678', testIdNumbers[1]!, '赵老板', '王大海', '13800000001', testIdNumbers[0]!]) {
      expect(everything).not.toContain(personal);
    }
  });
});
