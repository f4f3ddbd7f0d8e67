import { describe, expect, it } from 'vitest';
import en from '../../server/i18n/messages/en.json';
import zhCN from '../../server/i18n/messages/zh-CN.json';
import { caseStatuses, categories, channels } from '../../server/domain/case-status';
import { roles } from '../../server/domain/roles';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('message catalogs', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('name every role, status, category and channel', () => {
    const all = new Set(keys(zhCN));
    for (const r of roles) expect(all).toContain(`roles.${r}`);
    for (const s of caseStatuses) expect(all).toContain(`status.${s}`);
    for (const c of categories) expect(all).toContain(`category.${c}`);
    for (const c of channels) expect(all).toContain(`channel.${c}`);
  });
});
