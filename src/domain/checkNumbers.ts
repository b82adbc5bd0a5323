import type { RunContext } from './context';
import type { NumCell } from './model';
import { msg } from '../i18n/es-MX';

export interface NumberRules {
  required?: boolean;
  /** Zero is reported as zero-target (a goal). */
  positive?: boolean;
  /** Report text numbers as number-as-text (info). Default true. */
  reportText?: boolean;
}

/** Checks one numeric cell; returns its number when usable, else null. */
export function checkNumber(ctx: RunContext, sheet: string, unit: string, field: string, cell: NumCell | null, rules: NumberRules = {}): number | null {
  if (!cell) return null;
  const at = { row: cell.row, col: cell.col };
  switch (cell.kind) {
    case 'empty':
      if (rules.required) ctx.add('missing-value', 'warning', sheet, at, unit, msg.missingValue(field));
      return null;
    case 'error':
      ctx.add('cell-error', 'error', sheet, at, unit, msg.cellError(field, String(cell.raw)));
      return null;
    case 'not-a-number':
      ctx.add('not-a-number', 'error', sheet, at, unit, msg.notANumber(field, String(cell.raw)));
      return null;
    case 'text-number':
      if (rules.reportText !== false) ctx.add('number-as-text', 'info', sheet, at, unit, msg.numberAsText(field, String(cell.raw), cell.value as number, cell.percent));
      break;
    default:
      break;
  }
  const v = cell.value as number;
  if (v < 0) {
    ctx.add('negative-value', 'error', sheet, at, unit, msg.negativeValue(field, v), { actual: v });
    return null;
  }
  if (rules.positive && v === 0) {
    ctx.add('zero-target', 'error', sheet, at, unit, msg.zeroTarget(field), { actual: 0 });
    return null;
  }
  return v;
}

/** A percentage cell as a fraction: 8.33% -> 0.0833; a plain 8.33 in a non-percent cell is read as 8.33%. */
export function asFraction(cell: NumCell, value: number): number {
  if (cell.percent) return value;
  return Math.abs(value) > 1.5 ? value / 100 : value;
}

/** Text shown as "Valor anterior" in the note of a corrected cell. */
export function previousText(cell: NumCell): string {
  if (typeof cell.raw === 'string') return `"${cell.raw}"`;
  if (typeof cell.raw === 'number') return cell.percent ? `${(cell.raw * 100).toFixed(2)}%` : String(cell.raw);
  return 'vacío';
}
