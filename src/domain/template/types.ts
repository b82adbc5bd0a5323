/**
 * A "plantilla" (template) plan: clean sheets for the next period, as plain data so that any
 * adapter (ExcelJS for the CLI, Office.js for the add-in) can apply it in one batch.
 * Rows and columns are 1-based sheet coordinates of the new sheet.
 */
import type { Layout, Period } from '../model';

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One cell of a new sheet. Exactly one of `value` / `formula` is meaningful:
 * - `value`: a literal. A string is ALWAYS text, even when it begins with "=", "+", "-" or "@"
 *   (such cells also carry numberFormat "@"); an adapter must never let it become a formula
 *   (Office.js: set the "@" number format before the value, or prefix the value with "'").
 * - `formula`: a formula written by the template itself ("=IF(...)", English function names, A1 refs),
 *   with `result` the value it computes while the input cells are still blank (a cache for readers that
 *   do not recalculate).
 */
export interface TemplateCell {
  row: number;
  col: number;
  value?: number | string | null;
  formula?: string;
  result?: number | string | null;
  /** Excel number format code ("0.00%", "mmm-yy", "#,##0", "@"). Absent = General. */
  numberFormat?: string;
  bold?: boolean;
  /** Solid fill, ARGB ("FFFFF2CC"). */
  fill?: string;
  /** False for input cells (editable when the sheet is protected). Default true. */
  locked?: boolean;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  /** Thin border on all four sides (table cells). */
  border?: boolean;
}

/** VALOR ACTUAL / A cells: a decimal number ≥ 0 (blank allowed). */
export interface TemplateValidation {
  range: CellRange;
  type: 'decimal';
  operator: 'greaterThanOrEqual';
  value: number;
  allowBlank: boolean;
  errorTitle: string;
  error: string;
  promptTitle: string;
  prompt: string;
}

/**
 * A conditional format rule. `text`: the cell's text equals `text`. `expression`: a formula written for the
 * top-left cell of the range, with relative references ("$R12=\"VERDE\"").
 */
export type TemplateRule =
  | { type: 'text'; text: string; fill: string; fontColor?: string }
  | { type: 'expression'; formula: string; fill: string; fontColor?: string };

export interface TemplateConditionalFormat {
  range: CellRange;
  rules: TemplateRule[];
}

export interface TemplateSheet {
  /** Unique among the workbook's sheets and the other new sheets; ≤ 31 characters, no : \ / ? * [ ]. */
  name: string;
  layout: Layout;
  unitKey: string;
  unitName: string;
  /** The template's period (for TMM-F004, the quarter of the new cut-off). */
  period: Period;
  /** "feb-25", "SEGUNDO TRIMESTRE 2025", "30-jun.-24". */
  periodLabel: string;
  /** The sheet whose blocks the template was built from. */
  sourceSheet: string;
  cells: TemplateCell[];
  merges: CellRange[];
  columnWidths: { col: number; width: number }[];
  /** Heights (points) of rows whose wrapped text needs more than one line. */
  rowHeights: { row: number; height: number }[];
  /** Rows frozen at the top (the panes are frozen under the first header). */
  frozenRows: number;
  /** Rows repeated on every printed page (the first header). */
  printTitleRows: { first: number; last: number };
  pageSetup: { orientation: 'landscape'; fitToWidth: 1; fitToHeight: 0 };
  dataValidations: TemplateValidation[];
  conditionalFormats: TemplateConditionalFormat[];
  /** Protect the sheet (no password); only cells with locked: false stay editable. */
  protect: boolean;
}

export interface TemplatePlan {
  /** New sheets, in the order to insert them; the first one is activated. */
  sheets: TemplateSheet[];
  /** Spanish messages for the user (new POA year, skipped units, missing accumulated…). */
  notices: string[];
}
