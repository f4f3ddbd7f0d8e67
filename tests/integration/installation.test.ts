import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { ModeMismatch, settleMode } from '../../server/services/installation';
import { anonymousCaller, freshDatabase } from './harness';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

describe('the installation’s mode', () => {
  it('is recorded at first start, and switching it later needs the explicit flag', async () => {
    expect(await settleMode(handle.db, 'demo', false)).toBe('recorded');
    expect(await settleMode(handle.db, 'demo', false)).toBe('same');
    await expect(settleMode(handle.db, 'production', false)).rejects.toBeInstanceOf(ModeMismatch);
    expect(await settleMode(handle.db, 'production', true)).toBe('changed');
    await expect(settleMode(handle.db, 'demo', false)).rejects.toMatchObject({ recorded: 'production', requested: 'demo' });
  });

  it('never returns an SMS code in production mode', async () => {
    const before = process.env.ONEWINDOW_MODE;
    process.env.ONEWINDOW_MODE = 'production';
    try {
      expect(await (await anonymousCaller(handle.db)).auth.requestCode({ phone: '13700001111' })).toEqual({});
    } finally {
      process.env.ONEWINDOW_MODE = before;
    }
    expect((await (await anonymousCaller(handle.db)).auth.requestCode({ phone: '13700001112' })).demoCode).toMatch(/^\d{6}$/);
  });
});

describe('a first start', () => {
  it('in production mode creates no demo accounts (their password is public); in demo mode it does', async () => {
    const { openDatabase } = await import('../../db/client');
    const { migrateDatabase } = await import('../../db/migrate');
    const { prepareInstallation } = await import('../../server/services/installation');
    const { users } = await import('../../db/schema');
    const real = await openDatabase({});
    await migrateDatabase(real);
    expect(await prepareInstallation(real.db, 'production', false)).toEqual({ seeded: false, empty: true });
    expect(await real.db.select().from(users)).toEqual([]);
    await real.close();
    const demo = await openDatabase({});
    await migrateDatabase(demo);
    expect(await prepareInstallation(demo.db, 'demo', false)).toEqual({ seeded: true, empty: false });
    expect((await demo.db.select().from(users)).length).toBeGreaterThan(5);
    await demo.close();
  });
});
