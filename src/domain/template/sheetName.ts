import type { Period } from '../model';
import { sheetPeriodLabel } from './period';

/** Excel's limit for sheet names. */
export const MAX_SHEET_NAME = 31;
const INVALID = /[:\\/?*[\]]/g;
/** Names Excel keeps for itself. */
const RESERVED = new Set(['history']);

const key = (name: string): string => name.toLocaleLowerCase('es-MX');

/** A name Excel accepts: no : \ / ? * [ ], no leading or trailing apostrophe, at most 31 characters. */
export function cleanSheetName(text: string): string {
  const cleaned = text.replace(INVALID, '-').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  return cleaned.slice(0, MAX_SHEET_NAME).trim();
}

/**
 * "<period> <unit clave>" ("jul-25 310", "T2-25 308"), unique among `existing` (compared as Excel does, ignoring
 * case): an existing name gets a suffix, "feb-25 306 (2)", "(3)"…, cutting the base so the name stays ≤ 31.
 */
export function sheetName(period: Period | string, unitKey: string, existing: Iterable<string>): string {
  const label = typeof period === 'string' ? period : sheetPeriodLabel(period);
  const base = cleanSheetName(`${label} ${unitKey}`) || 'Plantilla';
  const taken = new Set<string>();
  for (const n of existing) taken.add(key(n));
  const free = (name: string) => !taken.has(key(name)) && !RESERVED.has(key(name));
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (free(name)) return name;
  }
}
