import { sql } from 'drizzle-orm';
import { caseNumberCounters, smsOutbox } from '../../db/schema';
import { caseNumberDigits, caseNumberPrefix, numberingYear } from '../domain/case-number';

/** Where the case number goes in a receipt's text: filled in by the database (see below). */
export const caseNumberSlot = '\u{F0000}';

/**
 * The numbering of a case being registered, as parts of its registration's one statement
 * (`oneStatement`): `parts.counter` moves the center's counter for the year up by one, and
 * `caseNumber` is the value the case row takes from it. The upsert locks the counter row until
 * the statement's transaction ends, so concurrent registrations get consecutive numbers and a
 * failed one leaves no gap; as the registration is that one statement, the lock is held only
 * while PostgreSQL runs it and commits, never across a round trip to the server.
 */
export function caseNumbering(target: { centerId: string; regionCode: string; at: Date }) {
  const year = numberingYear(target.at);
  // formatCaseNumber's format, in SQL: the prefix, then the count padded to its digits.
  const prefix = caseNumberPrefix(target.regionCode, year);
  return {
    parts: {
      counter: sql`insert into ${caseNumberCounters} (center_id, year, last_value) values (${target.centerId}, ${year}, 1)
        on conflict (center_id, year) do update set last_value = ${caseNumberCounters}.last_value + 1
        returning last_value`,
    },
    caseNumber: sql`(select ${prefix} || lpad(last_value::text, greatest(${caseNumberDigits}::int, length(last_value::text)), '0') from counter)`,
  };
}

/**
 * The receipt messages that carry a case number, a part of the same statement: the number
 * exists only in the database until it commits, so each text's `caseNumberSlot` is replaced by
 * the `case_number` the part named `numbered` returns.
 */
export function receiptMessages(numbered: string, receipts: { phones: string[]; text: string }) {
  return sql`insert into ${smsOutbox} (phone, body)
    select phone, replace(${receipts.text}, ${caseNumberSlot}, n.case_number)
    from ${sql.identifier(numbered)} n, unnest(${sql.param(receipts.phones)}::text[]) as phone`;
}
