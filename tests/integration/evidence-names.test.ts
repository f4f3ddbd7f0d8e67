import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { evidenceResponse } from '../../server/http';
import { createContext } from '../../server/trpc';
import { callerAs, freshDatabase, tinyPng, uploadForm, userByLogin } from './harness';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

describe('an uploaded file’s name', () => {
  it('is stored and served with the detected type’s extension and without bidi tricks', async () => {
    const petitioner = await callerAs(handle.db, '13800000001');
    const uploaded = await petitioner.evidence.upload(uploadForm(tinyPng(), 'invoice\u202egnp.exe'));
    expect(uploaded.fileName).toBe('invoicegnp.png');
    const asHtml = await petitioner.evidence.upload(uploadForm(tinyPng(), 'photo.html'));
    expect(asHtml.fileName).toBe('photo.png');

    const user = await userByLogin(handle.db, '13800000001');
    const ctx = await createContext({ db: handle.db, claims: { userId: user.id, sessionVersion: user.sessionVersion } });
    const res = await evidenceResponse(ctx, asHtml.id);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="evidence.png"; filename*=UTF-8''photo.png`);
  });
});
