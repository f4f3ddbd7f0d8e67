import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../db/client';
import { auditLog, auditSeals, centers } from '../../db/schema';
import { installationChain } from '../../server/domain/audit-hash';
import { writeAudit } from '../../server/services/audit';
import { sealAuditChains, verifyAuditChains } from '../../server/services/audit-chain';
import { systemContext } from '../../server/services/context';
import { callerAs, freshDatabase, jiashanCenterId, submitNew, wagePetition } from './harness';

let handle: DatabaseHandle;
let jiashan: string;
let qingpu: string;

beforeAll(async () => {
  handle = await freshDatabase();
  jiashan = await jiashanCenterId(handle.db);
  const [row] = await handle.db.select({ id: centers.id }).from(centers).where(eq(centers.regionCode, '310118'));
  qingpu = row!.id;
});
afterAll(() => handle.close());

const system = () => systemContext(handle.db, 'deadline_sweep').actor;

/** Writes n audit rows on a chain, each in its own transaction, as the services do. */
async function auditRows(centerId: string | null, n: number) {
  for (let i = 0; i < n; i++) {
    await handle.db.transaction((tx) => writeAudit(tx, { actor: system(), centerId, action: 'test.write', entityType: 'test', data: { i, text: '测试 "quoted" \\ ✓', nested: { b: 2, a: [1, null] } } }));
  }
}

/** What a superuser can do: switch the triggers off for one transaction. */
function asSuperuser(run: (tx: Database) => Promise<unknown>) {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await run(tx);
  });
}

async function linkOf(chainId: string, seq: number) {
  const [link] = await handle.db.select().from(auditSeals).where(sql`${auditSeals.chainId} = ${chainId} and ${auditSeals.seq} = ${seq}`);
  return link!;
}

const chainReport = async (chainId: string) => (await verifyAuditChains(handle.db)).chains.find((c) => c.chainId === chainId)!;

describe('the tamper-evident audit log', () => {
  it('seals what real actions write into per-center chains, and the chains verify', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    await submitNew(petitioner, wagePetition(jiashan));
    await auditRows(null, 2);
    expect((await verifyAuditChains(handle.db)).waiting).toBeGreaterThan(0);
    const { sealed } = await sealAuditChains(handle.db);
    expect(sealed).toBeGreaterThan(0);
    const report = await verifyAuditChains(handle.db);
    expect(report).toMatchObject({ ok: true, waiting: 0, unsealed: [] });
    expect(report.chains.map((c) => c.chainId)).toEqual(expect.arrayContaining([jiashan, installationChain]));
    // Sealing again finds nothing new and changes nothing.
    expect((await sealAuditChains(handle.db)).sealed).toBe(0);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const [row] = await handle.db.select({ id: auditLog.id }).from(auditLog).limit(1);
    await expect(handle.db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(handle.db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_seals`)).rejects.toThrow();
    expect((await verifyAuditChains(handle.db)).ok).toBe(true);
  });

  it('keeps one unbroken order when many writers and several sealers run at once', async () => {
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        handle.db.transaction((tx) => writeAudit(tx, { actor: system(), centerId: i % 2 ? jiashan : qingpu, action: 'test.concurrent', entityType: 'test', data: { i } })),
      ),
      sealAuditChains(handle.db, { batch: 7 }),
      sealAuditChains(handle.db, { batch: 5 }),
    ]);
    await Promise.all([sealAuditChains(handle.db, { batch: 3 }), sealAuditChains(handle.db, { batch: 3 })]);
    const report = await verifyAuditChains(handle.db);
    expect(report).toMatchObject({ ok: true, waiting: 0 });
    const counts = await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const sealedCount = await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditSeals);
    expect(sealedCount[0]!.n).toBe(counts[0]!.n);
  });

  it('catches a row a superuser changed, naming its link', async () => {
    await auditRows(qingpu, 3);
    await sealAuditChains(handle.db);
    const before = await chainReport(qingpu);
    const target = await linkOf(qingpu, before.links - 1);
    await asSuperuser((tx) => tx.execute(sql`update audit_log set data = '{"i": 999}'::jsonb where id = ${target.auditId}`));
    const report = await verifyAuditChains(handle.db);
    expect(report.ok).toBe(false);
    expect(report.chains.find((c) => c.chainId === qingpu)!.broken).toEqual({ seq: before.links - 1, auditId: target.auditId, problem: 'row_changed' });
  });

  it('catches a row a superuser deleted, and a link deleted from the chain', async () => {
    await auditRows(jiashan, 4);
    await sealAuditChains(handle.db);
    const { links } = await chainReport(jiashan);
    const deleted = await linkOf(jiashan, links - 2);
    await asSuperuser((tx) => tx.execute(sql`delete from audit_log where id = ${deleted.auditId}`));
    expect((await chainReport(jiashan)).broken).toEqual({ seq: links - 2, auditId: deleted.auditId, problem: 'row_missing' });

    await auditRows(null, 3);
    await sealAuditChains(handle.db);
    const installation = await chainReport(installationChain);
    await asSuperuser((tx) => tx.execute(sql`delete from audit_seals where chain_id = ${installationChain} and seq = ${installation.links - 1}`));
    expect((await chainReport(installationChain)).broken).toEqual({ seq: installation.links - 1, auditId: null, problem: 'gap' });
  });

  it('catches a row slipped in with the triggers off, which never reaches a chain', async () => {
    const forged = '5f6c0e8a-2c4b-4b1e-9d1a-3f0c2b7e9a11';
    await asSuperuser((tx) => tx.execute(sql`insert into audit_log (id, center_id, action, entity_type) values (${forged}, ${jiashan}, 'forged', 'test')`));
    await sealAuditChains(handle.db);
    const report = await verifyAuditChains(handle.db);
    expect(report.unsealed).toContainEqual({ id: forged, centerId: jiashan });
  });
});
