import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../server/db-unavailable';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('database unavailable or the request wrong', () => {
  it('knows refused and dropped connections, shutdowns and timeouts, also wrapped by the query builder', () => {
    for (const code of ['ECONNREFUSED', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT', '57P01', '57P03', '08006', '57014']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Failed query: insert into …', { cause: withCode('57P01') }))).toBe(true);
  });

  it('leaves real errors alone: constraint violations, bad SQL, plain bugs', () => {
    for (const error of [withCode('23505'), withCode('42P01'), new TypeError('undefined is not a function'), null, 'text']) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
