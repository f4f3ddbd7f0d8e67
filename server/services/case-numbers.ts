import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseNumberCounters, cases, smsOutbox } from '../../db/schema';
import { caseNumberDigits, caseNumberPrefix, numberingYear } from '../domain/case-number';

/** Where the case number goes in a receipt's text: filled in by the database (see below). */
export const caseNumberSlot = '\u{F0000}';

/**
 * Numbers a registered case, not yet sent (the last statement of its registration): the
 * center's counter for the year goes up by one and the case takes the number. The upsert locks
 * the counter row until the registering transaction ends, so concurrent registrations get
 * consecutive numbers and a rolled-back one leaves no gap; being last, the lock is held only
 * for the commit's round trip. The number exists only in the database until then, so the
 * receipt messages that carry it are written by the same statement, their text's
 * `caseNumberSlot` replaced by the number. Answers one row: `case_number`.
 */
export function numberCaseStatement(
  tx: Database,
  target: { caseId: string; centerId: string; regionCode: string; at: Date },
  receipts: { phones: string[]; text: string },
) {
  const year = numberingYear(target.at);
  // formatCaseNumber's format, in SQL: the prefix, then the count padded to its digits.
  const prefix = caseNumberPrefix(target.regionCode, year);
  return tx.execute(sql`
    with counter as (
      insert into ${caseNumberCounters} (center_id, year, last_value) values (${target.centerId}, ${year}, 1)
      on conflict (center_id, year) do update set last_value = ${caseNumberCounters}.last_value + 1
      returning last_value
    ), numbered as (
      update ${cases} set case_number = ${prefix} || lpad(counter.last_value::text, greatest(${caseNumberDigits}::int, length(counter.last_value::text)), '0')
      from counter where ${cases}.id = ${target.caseId}
      returning ${cases}.case_number
    ), receipts as (
      insert into ${smsOutbox} (phone, body)
      select phone, replace(${receipts.text}, ${caseNumberSlot}, numbered.case_number)
      from numbered, unnest(${sql.param(receipts.phones)}::text[]) as phone
    )
    select case_number from numbered`);
}
