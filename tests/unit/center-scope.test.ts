import { describe, expect, it } from 'vitest';
import { caseDataTables, schemaTables } from '../../db/case-tables';

/**
 * Ready to outgrow one machine (README, "Scaling"): every row of case data (db/case-tables.ts)
 * carries its center, the future distribution column.
 */
const tables = schemaTables();

/** Case data whose center may be unknown, each with the reason. */
const nullableCenter: Record<string, string> = {
  evidence_files: 'a file is uploaded before its petition exists; center and case are set when it is attached, and until then it is only its uploader’s',
  notifications: 'a person’s inbox spans centers: a notice about a case carries the case’s center, a notice about the account has none',
};

describe('every row of case data carries its center', () => {
  const scoped = caseDataTables();

  it('finds the case tables (a sanity check of the walk itself)', () => {
    for (const name of ['cases', 'case_parties', 'timeline_events', 'idempotency_keys', 'session_attendees', 'clock_alerts']) expect(scoped, name).toContain(name);
    expect(scoped).not.toContain('users');
    expect(scoped).not.toContain('centers');
  });

  it.each([...scoped].sort())('%s has center_id NOT NULL (or a stated reason why not)', (name) => {
    const table = tables.find((t) => t.name === name)!;
    const center = table.columns.find((c) => c.name === 'center_id');
    expect(center, `${name} has no center_id`).toBeDefined();
    if (!(name in nullableCenter)) expect(center!.notNull, `${name}.center_id may be NULL`).toBe(true);
  });

  it('lists no exception for a table that is not case data or is NOT NULL already', () => {
    for (const name of Object.keys(nullableCenter)) {
      expect(scoped, name).toContain(name);
      expect(tables.find((t) => t.name === name)!.columns.find((c) => c.name === 'center_id')!.notNull, name).toBe(false);
    }
  });
});
