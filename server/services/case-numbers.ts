import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseNumberCounters } from '../../db/schema';
import { formatCaseNumber, numberingYear } from '../domain/case-number';

/**
 * Takes the center's next case number for the year. The upsert locks the counter row until
 * the registering transaction ends, so concurrent registrations get consecutive numbers and
 * a rolled-back one leaves no gap.
 */
export async function nextCaseNumber(tx: Database, centerId: string, regionCode: string, at: Date): Promise<string> {
  const year = numberingYear(at);
  const [counter] = await tx
    .insert(caseNumberCounters)
    .values({ centerId, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.centerId, caseNumberCounters.year],
      set: { lastValue: sql`${caseNumberCounters.lastValue} + 1` },
    })
    .returning({ lastValue: caseNumberCounters.lastValue });
  return formatCaseNumber(regionCode, year, counter!.lastValue);
}
