import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client';
import { auditLog, auditPending, auditSeals } from '../../db/schema';
import { genesisHash, linkHash, type StoredAuditRow } from '../domain/audit-hash';
import { derivedKey } from '../pii';

/** The chains' key, from DATA_KEY: verifying a chain needs the key it was sealed with. */
const chainKey = () => derivedKey('audit-chain');

/**
 * The sealer: links committed audit rows into their center's hash chain. Writers only insert
 * (a trigger queues each row in audit_pending); the sealer runs right after, on a short
 * interval, and serializes itself per chain with an advisory lock taken inside its own short
 * transaction, so no writer ever waits for a chain and any number of instances may seal.
 */
export async function sealAuditChains(db: Database, options: { batch?: number } = {}): Promise<{ sealed: number }> {
  const batch = options.batch ?? 500;
  const chains = await queryRows<{ chain_id: string }>(db, sql`select distinct ${auditPending.chainId} as chain_id from ${auditPending}`);
  let sealed = 0;
  for (const { chain_id } of chains) {
    for (;;) {
      const n = await sealBatch(db, chain_id, batch);
      sealed += n;
      if (n < batch) break;
    }
  }
  return { sealed };
}

/** The columns of an audit row, read exactly: jsonb's canonical text, the timestamp in UTC to the microsecond. */
const storedColumns = sql`
  ${auditLog.id} as id, ${auditLog.centerId} as "centerId", ${auditLog.actorId} as "actorId",
  ${auditLog.actorSystem} as "actorSystem", ${auditLog.action} as action, ${auditLog.entityType} as "entityType",
  ${auditLog.entityId} as "entityId", ${auditLog.data}::text as data,
  to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt"`;

async function sealBatch(db: Database, chainId: string, batch: number): Promise<number> {
  return db.transaction(async (tx) => {
    // Only sealers take this lock, and only for this short transaction.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit_seal:${chainId}`}, 0))`);
    const [head] = await queryRows<{ seq: string | number; hash: string }>(
      tx,
      sql`select ${auditSeals.seq} as seq, ${auditSeals.hash} as hash from ${auditSeals}
          where ${auditSeals.chainId} = ${chainId} order by ${auditSeals.seq} desc limit 1`,
    );
    const rows = await queryRows<StoredAuditRow & Record<string, unknown>>(
      tx,
      sql`select ${storedColumns} from ${auditPending} join ${auditLog} on ${auditLog.id} = ${auditPending.auditId}
          where ${auditPending.chainId} = ${chainId}
          order by ${auditLog.createdAt}, ${auditLog.id} limit ${batch}`,
    );
    if (rows.length === 0) return 0;
    let seq = head ? Number(head.seq) : 0;
    let prevHash = head?.hash ?? genesisHash;
    const links = rows.map((row) => {
      const hash = linkHash(chainKey(), prevHash, row);
      const link = { chainId, seq: ++seq, auditId: row.id, prevHash, hash };
      prevHash = hash;
      return link;
    });
    await tx.insert(auditSeals).values(links);
    await tx.execute(sql`delete from ${auditPending} where ${auditPending.auditId} in ${links.map((l) => l.auditId)}`);
    return links.length;
  });
}

export type ChainProblem = 'gap' | 'row_missing' | 'row_changed' | 'link_broken';

export interface ChainReport {
  chainId: string;
  links: number;
  head: string;
  /** The first broken link, if any. */
  broken: { seq: number; auditId: string | null; problem: ChainProblem } | null;
}

export interface AuditVerification {
  chains: ChainReport[];
  /** Rows the sealer has not linked yet (it runs every few seconds). */
  waiting: number;
  /** Rows in the log that are neither sealed nor waiting: their queue entry was removed, or they were inserted with triggers off. */
  unsealed: { id: string; centerId: string | null }[];
  ok: boolean;
}

/** Walks every chain link by link and names the first broken one of each. */
export async function verifyAuditChains(db: Database, options: { page?: number } = {}): Promise<AuditVerification> {
  const page = options.page ?? 1000;
  const chainIds = await queryRows<{ chain_id: string }>(db, sql`select distinct ${auditSeals.chainId} as chain_id from ${auditSeals} order by 1`);
  const chains: ChainReport[] = [];
  for (const { chain_id: chainId } of chainIds) chains.push(await verifyChain(db, chainId, page));
  const [{ n: waiting } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${auditPending}`);
  const unsealed = await queryRows<{ id: string; centerId: string | null }>(
    db,
    sql`select a.id, a.center_id as "centerId" from ${auditLog} a
        where not exists (select 1 from ${auditSeals} s where s.audit_id = a.id)
          and not exists (select 1 from ${auditPending} p where p.audit_id = a.id)
        order by a.created_at limit 100`,
  );
  return { chains, waiting: Number(waiting), unsealed, ok: unsealed.length === 0 && chains.every((c) => !c.broken) };
}

async function verifyChain(db: Database, chainId: string, page: number): Promise<ChainReport> {
  let expected = 1;
  let prevHash = genesisHash;
  for (;;) {
    const links = await queryRows<Record<string, unknown>>(
      db,
      sql`select s.seq, s.audit_id as "auditId", s.prev_hash as "prevHash", s.hash, ${auditLog.id} as "rowId", ${storedColumns}
          from ${auditSeals} s left join ${auditLog} on ${auditLog.id} = s.audit_id
          where s.chain_id = ${chainId} and s.seq >= ${expected} order by s.seq limit ${page}`,
    );
    for (const link of links) {
      const seq = Number(link.seq);
      const auditId = link.auditId as string;
      const fail = (problem: ChainProblem) => ({ chainId, links: expected - 1, head: prevHash, broken: { seq: problem === 'gap' ? expected : seq, auditId: problem === 'gap' ? null : auditId, problem } });
      if (seq !== expected) return fail('gap');
      if (link.prevHash !== prevHash) return fail('link_broken');
      if (!link.rowId) return fail('row_missing');
      const hash = linkHash(chainKey(), prevHash, link as unknown as StoredAuditRow);
      if (hash !== link.hash) return fail('row_changed');
      prevHash = hash;
      expected++;
    }
    if (links.length < page) return { chainId, links: expected - 1, head: prevHash, broken: null };
  }
}
