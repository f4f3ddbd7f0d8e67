import type { LocalDate } from '../domain/calendar';
import { centerTimeZone } from '../domain/case-number';
import type { RenderTools } from '../domain/event-render';
import type { Locale } from './locales';
import { translator } from './translate';

const cache = new Map<Locale, RenderTools>();

/** The translator and date formats that server code renders events and clocks with, per language. */
export function renderTools(locale: Locale): RenderTools {
  let tools = cache.get(locale);
  if (!tools) {
    const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: centerTimeZone });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    tools = {
      t: translator(locale),
      dateTime: (iso: string) => instant.format(new Date(iso)),
      date: (d: LocalDate) => day.format(new Date(`${d}T12:00:00Z`)),
    };
    cache.set(locale, tools);
  }
  return tools;
}
