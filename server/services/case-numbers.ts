import { sql } from 'drizzle-orm';
import { caseNumberCounters, smsOutbox } from '../../db/schema';
import { caseNumberDigits, caseNumberPrefix, numberingYear } from '../domain/case-number';

/** Where the case number goes in a receipt's text: filled in by the database (see below). */
export const caseNumberSlot = '\u{F0000}';

/** The year a case registered at `at` is numbered in, and its numbers' prefix there. */
export function numberingOf(regionCode: string, at: Date) {
  const year = numberingYear(at);
  return { year, prefix: caseNumberPrefix(regionCode, year) };
}

/**
 * The numbering of a case being registered, as parts of its registration's one statement
 * (`preparedOneStatement`): `parts.counter` moves the center's counter for the year up by one, and
 * `caseNumber` is the value the case row takes from it. The upsert locks the counter row until
 * the statement's transaction ends, so concurrent registrations get consecutive numbers and a
 * failed one leaves no gap; as the registration is that one statement, the lock is held only
 * while PostgreSQL runs it and commits, never across a round trip to the server. The values
 * may be placeholders (`numberingOf` gives the year and prefix).
 */
export function caseNumbering(values: { centerId: unknown; year: unknown; prefix: unknown }) {
  return {
    parts: {
      counter: sql`insert into ${caseNumberCounters} (center_id, year, last_value) values (${values.centerId}, ${values.year}, 1)
        on conflict (center_id, year) do update set last_value = ${caseNumberCounters}.last_value + 1
        returning last_value`,
    },
    // formatCaseNumber's format, in SQL: the prefix, then the count padded to its digits.
    caseNumber: sql`(select ${values.prefix} || lpad(last_value::text, greatest(${caseNumberDigits}::int, length(last_value::text)), '0') from counter)`,
  };
}

/**
 * The receipt messages that carry a case number, a part of the same statement: the number
 * exists only in the database until it commits, so each text's `caseNumberSlot` is replaced by
 * the `case_number` the part named `numbered` returns. `phones` is an array of phone numbers
 * (as one parameter) and `text` the message; either may be a placeholder.
 */
export function receiptMessages(numbered: string, receipts: { phones: unknown; text: unknown }) {
  return sql`insert into ${smsOutbox} (phone, body)
    select phone, replace(${receipts.text}, ${caseNumberSlot}, n.case_number)
    from ${sql.identifier(numbered)} n, unnest(${receipts.phones}::text[]) as phone`;
}
