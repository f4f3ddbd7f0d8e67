// `npm run audit:verify [-- --no-seal]`: seals what is waiting, then walks every audit chain
// and names the first broken link of each. Exit code 1 when anything is wrong.
import { parseArgs } from 'node:util';
import { centers } from '../../db/schema';
import { databaseUrl } from '../config';
import { installationChain } from '../domain/audit-hash';
import { sealAuditChains, verifyAuditChains } from '../services/audit-chain';
import { openConfiguredDatabase } from './open';

const describe: Record<string, string> = {
  gap: 'the link is missing (a chain record was deleted)',
  row_missing: 'its audit row was deleted',
  row_changed: 'its audit row was changed after it was sealed',
  link_broken: 'the link does not follow from the one before (a chain record was changed)',
};

const { values } = parseArgs({ options: { 'no-seal': { type: 'boolean', default: false } } });
// The chains are keyed with DATA_KEY: without the app's own key every link would look changed.
if (databaseUrl() && !process.env.DATA_KEY) {
  console.error('Set DATA_KEY to the key the app runs with: the audit chains are keyed with it.');
  process.exit(1);
}
const handle = await openConfiguredDatabase();
try {
  // Sealing first makes the check cover everything committed so far; it changes no record.
  if (!values['no-seal']) await sealAuditChains(handle.db);
  const report = await verifyAuditChains(handle.db);
  const names = new Map((await handle.db.select({ id: centers.id, name: centers.name, region: centers.regionCode }).from(centers)).map((c) => [c.id, `${c.region} ${c.name}`]));
  for (const chain of report.chains) {
    const name = chain.chainId === installationChain ? 'installation-wide' : (names.get(chain.chainId) ?? chain.chainId);
    if (chain.broken) {
      const { seq, auditId, problem } = chain.broken;
      console.log(`BROKEN  ${name}: link ${seq}${auditId ? ` (audit row ${auditId})` : ''}: ${describe[problem]}; ${chain.links} links before it verify`);
    } else {
      console.log(`ok      ${name}: ${chain.links} links, head ${chain.head}`);
    }
  }
  for (const row of report.unsealed) console.log(`BROKEN  audit row ${row.id} is in no chain and not waiting for one (inserted with triggers off, or its queue entry removed)`);
  if (report.waiting) console.log(`${report.waiting} audit rows are waiting for the sealer`);
  console.log(report.ok ? 'audit log verified' : 'audit log NOT verified');
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await handle.close();
}
