import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resolveLocale } from '../../server/i18n/locales';
import { translator } from '../../server/i18n/translate';
import { fieldErrors } from '../../server/i18n/validation';

const schema = z.object({
  title: z.string().trim().min(1).max(5),
  phone: z.string().regex(/^1\d{10}$/, { error: 'validation.mobile' }),
  kind: z.enum(['a', 'b']),
  amount: z.number().min(0),
});

function messages(input: unknown, locale: 'zh-CN' | 'en') {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected invalid input');
  return fieldErrors(result.error.issues, translator(locale));
}

describe('validation messages a person can read', () => {
  it('says what is wrong with each field, in Chinese by default', () => {
    expect(messages({ title: 'toolong', phone: '1', kind: 'c', amount: -1 }, 'zh-CN')).toEqual({
      title: '最多 5 个字',
      phone: '请输入 11 位手机号',
      kind: '请从列表中选择',
      amount: '不能小于 0',
    });
  });

  it('says the same in English', () => {
    expect(messages({ title: ' ', phone: '1', kind: 'a', amount: 1 }, 'en')).toEqual({
      title: 'Required',
      phone: 'Enter an 11-digit mobile number',
    });
  });

  it('calls a missing field required', () => {
    expect(messages({ phone: '13800000001', kind: 'a', amount: 1 }, 'zh-CN')).toEqual({ title: '此项必填' });
  });
});

describe('language choice', () => {
  it('uses the chosen language, else Chinese', () => {
    expect(resolveLocale('en')).toBe('en');
    expect(resolveLocale('zh-CN')).toBe('zh-CN');
    expect(resolveLocale(undefined)).toBe('zh-CN');
    expect(resolveLocale('fr')).toBe('zh-CN');
  });
});
