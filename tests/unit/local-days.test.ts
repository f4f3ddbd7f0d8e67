import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../server/domain/calendar';
import { centerTimeZone } from '../../server/domain/case-number';
import { daysLeft } from '../../server/domain/clocks';

// The day counts read the zone's offset once per minute instead of building zoned dates; they
// must agree with the zoned dates everywhere, including China's summer time of 1986–1991.
const instants = fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true });
const zoned = (d: Date) => new TZDate(d, centerTimeZone);
const pad = (n: number) => String(n).padStart(2, '0');

describe('calendar days where the center is', () => {
  it('gives the local date the zoned date gives', () => {
    fc.assert(
      fc.property(instants, (d) => {
        const z = zoned(d);
        expect(localDateOf(d)).toBe(`${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts the days left as the zoned calendar does', () => {
    fc.assert(
      fc.property(instants, instants, (due, now) => {
        expect(daysLeft(due, now)).toBe(differenceInCalendarDays(zoned(due), zoned(now)));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns the day at local midnight, in summer time and out of it', () => {
    // 1988-07-01 was in summer time (UTC+9); 2026-11-27 is UTC+8.
    expect(localDateOf(new Date('1988-06-30T14:59:59.999Z'))).toBe('1988-06-30');
    expect(localDateOf(new Date('1988-06-30T15:00:00Z'))).toBe('1988-07-01');
    expect(localDateOf(new Date('2026-11-26T15:59:59.999Z'))).toBe('2026-11-26');
    expect(localDateOf(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
    expect(daysLeft(new Date('2026-11-27T16:00:00Z'), new Date('2026-11-26T15:59:59Z'))).toBe(2);
  });
});
