import type { CellValue } from './snapshot';
import { isCellError } from './snapshot';
import type { NumCell } from './model';

/** True when a number format shows a percentage (ignoring quoted text and escapes). */
export function isPercentFormat(format: string): boolean {
  return stripLiterals(format).includes('%');
}

/** True when a number format shows a date (d, m or y tokens outside quotes and brackets, no time-only). */
export function isDateFormat(format: string): boolean {
  const f = stripLiterals(format).toLowerCase();
  if (f === 'general' || f.includes('%')) return false;
  return /[dy]/.test(f) || /m{3,}/.test(f) || (/m/.test(f) && /[dy]/.test(f));
}

function stripLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

const decimalsCache = new Map<string, number | null>();

/** Decimals a percent or number format shows ("0.00%" -> 2, "0%" -> 0, General -> null). Memoised per format. */
export function formatDecimals(format: string): number | null {
  let d = decimalsCache.get(format);
  if (d === undefined) {
    d = formatDecimalsUncached(format);
    decimalsCache.set(format, d);
  }
  return d;
}

function formatDecimalsUncached(format: string): number | null {
  const f = stripLiterals(format.split(';')[0]);
  if (/general/i.test(f)) return null;
  const m = /\.([0#?]+)/.exec(f);
  if (m) return m[1].length;
  return /[0#?]/.test(f) ? 0 : null;
}

const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const NUMBER_TEXT_EU = /^[-+]?\d{1,3}(\.\d{3})+$/;

/** Parse "257,124", "8.33%", " 1 200 ", "$1,000.50". Returns the number (percent as fraction) or null. */
export function parseNumberText(text: string): { value: number; percent: boolean } | null {
  let t = text.trim().replace(/\s+/g, '').replace(/^\$/, '');
  if (!t) return null;
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  }
  let value: number;
  if (NUMBER_TEXT.test(t)) value = Number(t.replace(/,/g, ''));
  else if (NUMBER_TEXT_EU.test(t)) value = Number(t.replace(/\./g, ''));
  else return null;
  if (!Number.isFinite(value)) return null;
  return { value: percent ? value / 100 : value, percent };
}

const percentFormatCache = new Map<string, boolean>();

function percentFormat(format: string): boolean {
  let p = percentFormatCache.get(format);
  if (p === undefined) {
    p = isPercentFormat(format);
    percentFormatCache.set(format, p);
  }
  return p;
}

export function readNumCell(row: number, col: number, raw: CellValue, numberFormat: string, formula: string | null): NumCell {
  let value: number | null = null;
  let kind: NumCell['kind'];
  let percent = false;
  if (raw === null || raw === '' || (typeof raw === 'string' && raw.trim() === '')) {
    kind = 'empty';
    percent = percentFormat(numberFormat);
  } else if (typeof raw === 'number') {
    kind = Number.isFinite(raw) ? 'number' : 'not-a-number';
    value = Number.isFinite(raw) ? raw : null;
    percent = percentFormat(numberFormat);
  } else if (typeof raw === 'boolean') kind = 'not-a-number';
  else if (isCellError(raw)) kind = 'error';
  else {
    const parsed = parseNumberText(raw);
    if (parsed) {
      kind = 'text-number';
      value = parsed.value;
      percent = parsed.percent;
    } else kind = 'not-a-number';
  }
  return { row, col, raw, value, kind, formula, numberFormat, percent };
}

/** Half a unit of the precision a percent cell shows, in percentage points (0% -> 0.5 pp). */
export function displayHalfUnitPp(cell: NumCell): number {
  if (cell.kind === 'text-number' && typeof cell.raw === 'string') {
    const m = /\.(\d+)\s*%?\s*$/.exec(cell.raw.trim());
    const decimals = m ? m[1].length : 0;
    return 0.5 * Math.pow(10, -decimals);
  }
  const d = formatDecimals(cell.numberFormat);
  if (d === null) return 0;
  return cell.percent ? 0.5 * Math.pow(10, -d) : 0.5 * Math.pow(10, -d) * 100;
}

/** Format a fraction as a Mexican-Spanish percentage text for messages: 0.27893 -> "27.89%". */
export function pct(fraction: number, decimals = 2): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** 257124 -> "257,124", 8.5 -> "8.5" (at most two decimals). toLocaleString is avoided: it is slow in a hot loop. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const negative = rounded < 0;
  const [int, dec] = Math.abs(rounded).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${dec ? `.${dec}` : ''}`;
}
