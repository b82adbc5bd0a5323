import type { Period, PeriodKind } from '../model';
import { formatDateEs, parseDateText, parsePeriodText, periodLabel, quarterEnd, type CalendarDate } from '../periods';

/** The period a user asked for: a month or quarter, or a cut-off date (resolved per report kind). */
export type PeriodChoice = { kind: 'period'; period: Period } | { kind: 'date'; date: CalendarDate };

function validDate(d: CalendarDate): boolean {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

/** "feb-25", "febrero 2025", "SEGUNDO TRIMESTRE 2025", "30-jun.-24", "FECHA: 30/06/2024". Null when not understood. */
export function parsePeriodChoice(text: string): PeriodChoice | null {
  const t = text.trim();
  if (!t) return null;
  const date = parseDateText(t.replace(/^[^:\d]*:/, ''));
  if (date) return validDate(date) ? { kind: 'date', date } : null;
  const period = parsePeriodText(t, null);
  return period ? { kind: 'period', period } : null;
}

/** The choice as a period of the given kind; null when it is a period of the other kind. */
export function resolveChoice(choice: PeriodChoice, kind: PeriodKind): Period | null {
  if (choice.kind === 'period') return choice.period.kind === kind ? choice.period : null;
  const { year, month } = choice.date;
  return kind === 'month' ? { kind, year, index: month } : { kind, year, index: Math.ceil(month / 3) };
}

/** A TMM-F004 cut-off moves to the last day of the template's quarter: 31-mar.-24 -> 30-jun.-24. */
export function cutoffOf(quarter: Period): CalendarDate {
  return quarterEnd(quarter.year, quarter.index);
}

/** Short period for sheet names: "feb-25", quarters "T2-25". */
export function sheetPeriodLabel(p: Period): string {
  if (p.kind === 'month') return periodLabel(p);
  return `T${p.index}-${String(p.year % 100).padStart(2, '0')}`;
}

/** What the user reads for a template's period: "feb-25", "SEGUNDO TRIMESTRE 2025", or a cut-off "30-jun.-24". */
export function templatePeriodLabel(p: Period, programmatic: boolean): string {
  return programmatic ? formatDateEs(cutoffOf(p)) : periodLabel(p);
}

/** Months / quarters from a to b (positive when b is later). */
export function periodDistance(a: Period, b: Period): number {
  const per = a.kind === 'month' ? 12 : 4;
  return (b.year - a.year) * per + (b.index - a.index);
}
