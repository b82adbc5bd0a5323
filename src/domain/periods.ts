import type { Period } from './model';
import { fold } from './text';

const MONTHS: Record<string, number> = {
  ENE: 1, ENERO: 1, JAN: 1,
  FEB: 2, FEBRERO: 2,
  MAR: 3, MARZO: 3,
  ABR: 4, ABRIL: 4, APR: 4,
  MAY: 5, MAYO: 5,
  JUN: 6, JUNIO: 6,
  JUL: 7, JULIO: 7,
  AGO: 8, AGOSTO: 8, AUG: 8,
  SEP: 9, SEPT: 9, SEPTIEMBRE: 9, SETIEMBRE: 9,
  OCT: 10, OCTUBRE: 10,
  NOV: 11, NOVIEMBRE: 11,
  DIC: 12, DICIEMBRE: 12, DEC: 12,
};

export const MONTH_ABBR = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
const MONTH_NAMES = ['ENERO', 'FEBRERO', 'MARZO', 'ABRIL', 'MAYO', 'JUNIO', 'JULIO', 'AGOSTO', 'SEPTIEMBRE', 'OCTUBRE', 'NOVIEMBRE', 'DICIEMBRE'];
const QUARTER_WORDS = ['PRIMER', 'SEGUNDO', 'TERCER', 'CUARTO'];

const ORDINALS: Record<string, number> = {
  PRIMER: 1, PRIMERO: 1, '1ER': 1, '1RO': 1, '1O': 1, '1': 1, I: 1,
  SEGUNDO: 2, '2DO': 2, '2O': 2, '2': 2, II: 2,
  TERCER: 3, TERCERO: 3, '3ER': 3, '3RO': 3, '3O': 3, '3': 3, III: 3,
  CUARTO: 4, '4TO': 4, '4O': 4, '4': 4, IV: 4,
};

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Excel serial (1900 date system) to a calendar date. */
export function serialToDate(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dateToSerial(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86400000 + 25569;
}

function fullYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

/** "ene-25", "Enero 2025", "ENERO-2025", "PRIMER TRIMESTRE 2025", "2DO TRIM 2025", "T1 2025". */
export function parsePeriodText(text: string, fallbackYear: number | null = null): Period | null {
  const f = fold(text);
  if (!f || f.length > 60) return null;
  const words = f.split(' ');
  const yearWord = words.find((w) => /^(19|20)\d\d$/.test(w));
  const year = yearWord ? Number(yearWord) : null;

  const trimIdx = words.findIndex((w) => w.startsWith('TRIM'));
  if (trimIdx >= 0) {
    const before = words[trimIdx - 1];
    const after = words[trimIdx + 1];
    const q = (before && ORDINALS[before]) || (after && ORDINALS[after]) || null;
    const y = year ?? fallbackYear;
    if (q && y) return { kind: 'quarter', year: y, index: q };
    return null;
  }
  const tq = /^T([1-4])$/.exec(words[0] ?? '');
  if (tq && (year ?? fallbackYear)) return { kind: 'quarter', year: (year ?? fallbackYear) as number, index: Number(tq[1]) };

  // Month forms: "ENE 25", "ENERO 2025", "MES DE ENERO 2025"
  for (let i = 0; i < words.length; i++) {
    const m = MONTHS[words[i]];
    if (!m) continue;
    const next = words[i + 1];
    if (next && /^\d{2}$/.test(next)) return { kind: 'month', year: fullYear(Number(next)), index: m };
    if (next && /^(19|20)\d\d$/.test(next)) return { kind: 'month', year: Number(next), index: m };
    if (words.length <= 3 && (year ?? fallbackYear)) return { kind: 'month', year: (year ?? fallbackYear) as number, index: m };
  }
  return null;
}

/** "FECHA: 31-mar.-24", "31/03/2024", "31 de marzo de 2024". */
export function parseDateText(text: string): CalendarDate | null {
  const f = fold(text).replace(/^FECHA\s*/, '');
  const words = f.split(' ');
  if (words.length >= 3) {
    const day = Number(words[0]);
    const month = MONTHS[words[1]] ?? (/^\d{1,2}$/.test(words[1]) ? Number(words[1]) : 0);
    const year = /^\d{2,4}$/.test(words[2]) ? fullYear(Number(words[2])) : 0;
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && year > 1900) return { year, month, day };
  }
  return null;
}

export function comparePeriods(a: Period, b: Period): number {
  if (a.year !== b.year) return a.year - b.year;
  return a.index - b.index;
}

export function previousPeriod(p: Period): Period | null {
  if (p.index === 1) return null; // January / first quarter start the POA year
  return { kind: p.kind, year: p.year, index: p.index - 1 };
}

export function nextPeriod(p: Period): Period {
  const last = p.kind === 'month' ? 12 : 4;
  return p.index === last ? { kind: p.kind, year: p.year + 1, index: 1 } : { kind: p.kind, year: p.year, index: p.index + 1 };
}

/** The period's weight in the annual goal: 1/12 a month, 1/4 a quarter. */
export function periodWeight(p: Period): number {
  return p.kind === 'month' ? 1 / 12 : 1 / 4;
}

export function periodLabel(p: Period): string {
  if (p.kind === 'month') return `${MONTH_ABBR[p.index - 1]}-${String(p.year % 100).padStart(2, '0')}`;
  return `${QUARTER_WORDS[p.index - 1]} TRIMESTRE ${p.year}`;
}

export function periodLongLabel(p: Period): string {
  return p.kind === 'month' ? `${MONTH_NAMES[p.index - 1].toLowerCase()} ${p.year}` : periodLabel(p).toLowerCase();
}

export function periodKey(p: Period): string {
  return `${p.kind}:${p.year}:${p.index}`;
}

/** Last day of a quarter. */
export function quarterEnd(year: number, quarter: number): CalendarDate {
  const month = quarter * 3;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day };
}

export function formatDateEs(d: CalendarDate): string {
  return `${d.day}-${MONTH_ABBR[d.month - 1]}.-${String(d.year % 100).padStart(2, '0')}`;
}
