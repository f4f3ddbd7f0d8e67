import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { freshDatabase, httpCall, jiashanCenterId, refusal, submitNew, callerAs, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
let caseId: string;
beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
  caseId = (await submitNew(await callerAs(handle.db, '13800000001'), wagePetition(centerId))).id;
});
afterAll(() => handle.close());

const post = (login: string | null, path: string, input: unknown, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  httpCall(handle.db, login, path, input, { method: 'POST', locale });
const get = (login: string | null, path: string, input: unknown, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  httpCall(handle.db, login, path, input, { locale });

describe('text with characters no database or screen should get', () => {
  it('refuses a NUL byte in a nested field with a message at its dotted path', async () => {
    const petition = wagePetition(centerId, { applicants: [{ name: '王\u0000大海', phone: '13800000001' }] });
    const r = await post('13800000001', 'petition.submit', petition, 'en');
    expect(r.status).toBe(400);
    expect(r.body.error?.json.data.fieldErrors).toEqual({ 'applicants.0.name': 'Contains characters that are not allowed (control characters or broken text)' });
  });

  it('refuses a lone surrogate in text stored as jsonb', async () => {
    const r = await post('clerk', 'case.post', { caseId, text: 'note \ud800 here', visibility: 'parties' });
    expect(r.status).toBe(400);
    expect(r.body.error?.json.data.fieldErrors).toEqual({ text: '含有不允许的字符（控制字符或残缺的文字）' });
  });

  it('refuses other control characters but keeps tabs and line breaks', async () => {
    expect((await post('clerk', 'case.post', { caseId, text: 'bell \u0007', visibility: 'parties' })).status).toBe(400);
    expect((await post('clerk', 'case.post', { caseId, text: 'line one\r\n\tline two', visibility: 'parties' })).status).toBe(200);
  });

  it('covers public procedures and query inputs too', async () => {
    const r = await get(null, 'auth.me', { x: 'a\u0000' });
    expect(r.status).toBe(400);
    const lookup = await post(null, 'auth.requestCode', { phone: '1380000\u00000001' });
    expect(lookup.body.error?.json.data.fieldErrors).toHaveProperty('phone');
  });
});

describe('dates outside 1900–2100', () => {
  it('refuses a year-0000 date of occurrence with a clear message', async () => {
    const r = await post('13800000001', 'petition.submit', wagePetition(centerId, { occurredOn: '0000-01-01' }), 'en');
    expect(r.status).toBe(400);
    expect(r.body.error?.json.data.fieldErrors).toEqual({ occurredOn: 'Enter a date between 1900-01-01 and 2100-12-31' });
  });

  it('refuses live-feed cursors PostgreSQL cannot hold, and timeline cursors that are not entry ids', async () => {
    const clerk = await callerAs(handle.db, 'clerk');
    for (const after of ['0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z']) {
      const refused = await refusal(clerk.case.live({ caseId, after: after as unknown as Date }));
      expect(refused.code).toBe('BAD_REQUEST');
    }
    expect((await get('clerk', 'case.timeline', { caseId, beforeId: '0000-01-01' })).status).toBe(400);
    expect((await get('clerk', 'case.timeline', { caseId, beforeId: '00000000-0000-4000-8000-000000000000' })).status).toBe(200);
  });

  it('bounds session times to the same window', async () => {
    const r = await post('clerk', 'case.scheduleSession', { caseId, startsAt: '9999-01-01T01:00:00Z', endsAt: '9999-01-01T02:00:00Z', room: '一' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error?.json.data.fieldErrors ?? {}).sort()).toEqual(['endsAt', 'startsAt']);
  });

  it('refuses checklist due dates out of range', async () => {
    const r = await post('clerk', 'case.updateChecklistItem', { caseId, itemId: '00000000-0000-4000-8000-000000000000', dueOn: '0000-12-31' });
    expect(r.status).toBe(400);
    expect(r.body.error?.json.data.fieldErrors).toHaveProperty('dueOn');
  });
});
