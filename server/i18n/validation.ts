import type { z } from 'zod';
import type { Translate } from './translate';

type Issue = z.core.$ZodIssue;

/**
 * One readable message per zod issue. A schema may name a catalog key as its message
 * (`{ error: 'validation.mobile' }`); otherwise the issue's code picks a generic message.
 */
export function issueMessage(issue: Issue, t: Translate): string {
  const custom = t(issue.message);
  if (custom !== issue.message) return custom;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return t('validation.required');
      return t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      return t('validation.tooLarge', { max: Number(issue.maximum) });
    case 'invalid_type':
      // zod reports a missing field as a type error on `undefined`.
      return /undefined/.test(issue.message) ? t('validation.required') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.invalidChoice');
    case 'invalid_format':
      return t('validation.invalidFormat');
    default:
      return t('validation.invalid');
  }
}

/** The first message for each field, keyed by its dotted path (`applicants.0.phone`). */
export function fieldErrors(issues: readonly Issue[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issueMessage(issue, t);
  }
  return out;
}
