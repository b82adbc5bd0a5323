/**
 * Values and colours as Office.js takes and gives them. Writing `range.values` is like typing:
 * "257,124" would become a number and "8.33%" a percentage, so text that Excel could read as
 * something else is written with a leading apostrophe, which Excel keeps as text and hides.
 */
import { type CellValue, isCellError } from '../domain/snapshot';

/** Text Excel might convert when typed: digits (numbers, dates, percentages), formulas, booleans. */
function needsTextPrefix(text: string): boolean {
  return /\d/.test(text) || /^[=+\-@']/.test(text) || /^\s*(true|false|verdadero|falso)\s*$/i.test(text);
}

/** What to put in `range.values` so that the cell ends up holding `value` ("" empties it; null would leave it unchanged). */
export function toExcelInput(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value !== 'string') return value;
  if (value === '' || isCellError(value)) return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

/** "FFFFC7CE" (ARGB, as in the plan and the journal) → "#FFC7CE" (Office.js). */
export function argbToHex(argb: string): string {
  const hex = argb.replace('#', '');
  return `#${(hex.length === 8 ? hex.slice(2) : hex).toUpperCase()}`;
}

/** "#FFC7CE" → "FFFFC7CE". */
export function hexToArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/**
 * The fill of a cell read with getCellProperties: Excel reports "No fill" as color "#FFFFFF"
 * with tintAndShade null, and any real fill (white included) with a numeric tintAndShade.
 */
export function fillOf(props: Excel.CellProperties | undefined): string | null {
  const fill = props?.format?.fill;
  if (!fill || typeof fill.color !== 'string' || fill.tintAndShade === null || fill.tintAndShade === undefined) return null;
  return hexToArgb(fill.color);
}
