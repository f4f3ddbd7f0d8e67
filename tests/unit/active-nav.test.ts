import { describe, expect, it } from 'vitest';
import { activeHref } from '../../app/_lib/active-nav';

describe('which navigation item is current', () => {
  const petitioner = ['/my', '/my/new'];

  it('highlights one tab only, the closest one', () => {
    expect(activeHref('/my', petitioner)).toBe('/my');
    expect(activeHref('/my/new', petitioner)).toBe('/my/new');
  });

  it('keeps a section current on its sub-pages, but not on look-alike paths', () => {
    expect(activeHref('/intake/new', ['/dashboard', '/intake'])).toBe('/intake');
    expect(activeHref('/intakes', ['/intake'])).toBeNull();
    expect(activeHref('/cases/1', petitioner)).toBeNull();
  });
});
