import { schemaTables } from '../../db/case-tables';

/** Runs one SQL statement on whichever engine and snapshot the caller holds. */
export type RunSql = (query: string) => Promise<Record<string, unknown>[]>;

/** What a backup must bring back: the rows of every table, and the head of every audit chain. */
export interface DatabaseFacts {
  rows: Record<string, number>;
  chains: Record<string, { links: number; head: string }>;
}

/** Read in the backup's own snapshot (PostgreSQL) or from the closed-off database (PGlite), so they describe exactly what was dumped. */
export async function databaseFacts(run: RunSql): Promise<DatabaseFacts> {
  const rows: Record<string, number> = {};
  for (const { name } of schemaTables().sort((a, b) => a.name.localeCompare(b.name))) {
    const [row] = await run(`select count(*)::int as n from "${name}"`);
    rows[name] = Number(row!.n);
  }
  const heads = await run('select distinct on (chain_id) chain_id, seq, hash from audit_seals order by chain_id, seq desc');
  const chains = Object.fromEntries(heads.map((h) => [String(h.chain_id), { links: Number(h.seq), head: String(h.hash) }]));
  return { rows, chains };
}

/** Differences between what was backed up and what came back, in words; empty when they match. */
export function compareFacts(expected: DatabaseFacts, actual: DatabaseFacts): string[] {
  const problems: string[] = [];
  for (const [table, n] of Object.entries(expected.rows)) {
    if (actual.rows[table] !== n) problems.push(`${table}: ${n} rows backed up, ${actual.rows[table] ?? 'no table'} restored`);
  }
  for (const [chain, head] of Object.entries(expected.chains)) {
    const got = actual.chains[chain];
    if (!got || got.links !== head.links || got.head !== head.head) problems.push(`audit chain ${chain}: head ${head.links}/${head.head} backed up, ${got ? `${got.links}/${got.head}` : 'none'} restored`);
  }
  return problems;
}
