import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { warningRef } from '../../server/pii';

describe('an early warning’s reference', () => {
  it('is keyed: trying every phone number against a plain hash finds nothing', () => {
    const key = '13800000001\u0000嘉善县鲜海海鲜店';
    const ref = warningRef('repeat', key);
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    expect(ref).toBe(warningRef('repeat', key));
    expect(ref).not.toBe(createHash('sha256').update(`repeat\u0000${key}`).digest('hex'));
    expect(ref).not.toBe(warningRef('group', key));
  });
});
