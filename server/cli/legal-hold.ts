// `npm run case:hold -- --case 330421-2026-000123 --reason "诉讼中（某法院）"` puts a case on
// legal hold: its personal data is kept past the retention period until released with
// `npm run case:hold -- --case 330421-2026-000123 --release`. Recorded in the audit log.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { setLegalHold } from '../services/retention';
import { openConfiguredDatabase } from './open';
import { caseNumberPattern } from '../domain/case-number';

const { values } = parseArgs({ options: { case: { type: 'string' }, reason: { type: 'string' }, release: { type: 'boolean', default: false } } });
const args = z
  .object({ case: z.string().regex(caseNumberPattern), reason: z.string().trim().min(1).max(500).optional(), release: z.boolean() })
  .refine((a) => a.release !== Boolean(a.reason))
  .safeParse(values);
if (!args.success) {
  console.error('Usage: npm run case:hold -- --case <case number> --reason <why>   |   --case <case number> --release');
  process.exit(1);
}
const handle = await openConfiguredDatabase();
try {
  const result = await setLegalHold(handle.db, systemContext(handle.db, 'operator').actor, { caseNumber: args.data.case, reason: args.data.release ? null : args.data.reason! });
  console.log(
    result.held
      ? `case ${args.data.case} is on legal hold: its personal data is kept until released${result.alreadyErased ? ' (note: it was already erased before the hold)' : ''}`
      : `case ${args.data.case} is released from legal hold: the retention period applies again`,
  );
} catch (error) {
  if (!(error instanceof ServiceError && error.kind === 'not_found')) throw error;
  console.error(`no case ${args.data.case}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
