import { describe, expect, it } from 'vitest';
import { genesisHash, linkHash, type StoredAuditRow } from '../../server/domain/audit-hash';

const key = Buffer.alloc(32, 7);

const row: StoredAuditRow = {
  id: '0d9f3c1e-5b7a-4c2e-9f1d-2a3b4c5d6e7f',
  centerId: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  actorId: null,
  actorSystem: 'deadline_sweep',
  action: 'case.clock_reminder',
  entityType: 'case',
  entityId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
  data: '{"eventId": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "visibility": "panel"}',
  createdAt: '2026-03-02T01:02:03.456789Z',
};

describe('audit chain links', () => {
  it('hash the canonical row after the previous link, in a form fixed by its version', () => {
    // A change to the canonical form would silently break every chain sealed before it.
    expect(linkHash(key, genesisHash, row)).toBe(linkHash(key, genesisHash, { ...row }));
    expect(linkHash(key, genesisHash, row)).toMatchInlineSnapshot(`"1ba20f2eb5c65eb3ea582991b3bb6fb010b2dfc93bf3df64f0bdfcd1afb2cf9c"`);
  });

  it('change with every field of the row and with the previous link', () => {
    const base = linkHash(key, genesisHash, row);
    for (const field of Object.keys(row) as (keyof StoredAuditRow)[]) {
      expect(linkHash(key, genesisHash, { ...row, [field]: `${row[field] ?? ''}x` }), field).not.toBe(base);
    }
    expect(linkHash(key, 'f'.repeat(64), row)).not.toBe(base);
    // Without the key, nobody recomputes a link.
    expect(linkHash(Buffer.alloc(32, 8), genesisHash, row)).not.toBe(base);
    // Microseconds count: a timestamp moved by one is a different row.
    expect(linkHash(key, genesisHash, { ...row, createdAt: '2026-03-02T01:02:03.456788Z' })).not.toBe(base);
  });
});
