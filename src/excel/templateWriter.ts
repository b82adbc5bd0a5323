/**
 * Queues a TemplatePlan (src/domain/template) into Office.js: every new sheet with its cells, number formats,
 * fonts, fills, alignment, borders, merges, column widths, row heights, frozen header, print titles and page
 * setup, data validations, conditional formats and optional protection, then activates the first one. Everything
 * goes through one BatchWriter, so the whole plan is ONE request (one context.sync) unless it would pass the
 * payload budget (then as few requests as fit): the number of syncs does not grow with the number of units.
 *
 * Text stays text: number formats are queued before the contents, so a cell the plan formats as "@" (text that
 * begins with =, +, - or @) already is a text cell when its value arrives and is written as it is; any other text
 * that Excel could convert (digits, "TRUE") goes in with a leading apostrophe (toExcelInput).
 *
 * Each new sheet carries a worksheet custom property (TEMPLATE_TAG = the run's id), queued right after it is
 * created: if Excel refuses part of the batch, the cleanup deletes exactly the sheets this run added, never a sheet
 * of the same name the user made meanwhile.
 *
 * Requirement sets (all within the add-in's minimum, ExcelApi 1.13, so nothing needs isSetSupported here):
 * 1.1 worksheets.add, Range.values / formulas / numberFormat, RangeFormat alignment, wrapText, columnWidth,
 * rowHeight, RangeBorder; 1.2 Range.merge, FormatProtection.locked, WorksheetProtection.protect; 1.6 conditional
 * formats (custom, cellValue); 1.7 Worksheet.freezePanes, protect's selectionMode; 1.8 Range.dataValidation;
 * 1.9 Worksheet.getRanges (RangeAreas) and Worksheet.pageLayout (orientation, zoom, setPrintTitleRows);
 * 1.12 Worksheet.customProperties.
 */
import { columnLetters } from '../domain/address';
import type { CellRange, TemplateCell, TemplatePlan, TemplateRule, TemplateSheet } from '../domain/template/types';
import { plantillaCli, plantillaExcel } from '../i18n/plantilla.es-MX';
import { localAddress } from './a1';
import { BatchWriter, REQUEST_BUDGET, estimate } from './batchWriter';
import { argbToHex, toExcelInput } from './cellInput';
import { MAX_ADDRESS_CHARS, addressChunks } from './rangeGroups';
import type { ExcelSession } from './session';

/** Colour of the thin table borders (as the .xlsx writer draws them). */
const BORDER_COLOR = '#808080';
const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

const lower = (name: string): string => name.toLocaleLowerCase('es-MX');

/** Worksheet custom property that marks a sheet made by a Plantilla run (its value: the run's id). */
export const TEMPLATE_TAG = 'POAValidador.Plantilla';

function runId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * A column width in Excel's character units (as the plan and ExcelJS give it) in points, as Office.js takes it:
 * Excel draws w characters of the default font (Calibri 11, 7-pixel digits) as w × 7 + 5 pixels, 0.75 pt each.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}

/** What goes into range.formulas for a cell: its formula, a number, text kept as text, or "" (empty). */
function cellInput(c: TemplateCell | undefined): string | number | boolean {
  if (!c) return '';
  if (c.formula) return c.formula;
  const v = c.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  // A text-formatted cell ("@", set before the contents) takes the text as it is, "=..." included.
  if (c.numberFormat === '@') return v;
  return toExcelInput(v);
}

interface Grid {
  top: number;
  left: number;
  formats: string[][];
  inputs: (string | number | boolean)[][];
  /** Row indexes of the grid that hold a formula. */
  formulaRows: Set<number>;
}

/** The sheet's cells as one dense rectangle (a new sheet: blank cells are written as ""). */
function gridOf(t: TemplateSheet): Grid | null {
  if (!t.cells.length) return null;
  const top = Math.min(...t.cells.map((c) => c.row));
  const left = Math.min(...t.cells.map((c) => c.col));
  const bottom = Math.max(...t.cells.map((c) => c.row));
  const right = Math.max(...t.cells.map((c) => c.col));
  const at = new Map(t.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const grid: Grid = { top, left, formats: [], inputs: [], formulaRows: new Set() };
  for (let r = top; r <= bottom; r++) {
    const formats: string[] = [];
    const inputs: (string | number | boolean)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = at.get(`${r}:${c}`);
      formats.push(cell?.numberFormat ?? 'General');
      inputs.push(cellInput(cell));
      if (cell?.formula) grid.formulaRows.add(r - top);
    }
    grid.formats.push(formats);
    grid.inputs.push(inputs);
  }
  return grid;
}

/** Row slices of a grid, each within `maxBytes` (estimated) so that no single operation dominates a request. */
function rowSlices<T>(rows: T[][], maxBytes: number): { start: number; rows: T[][]; bytes: number }[] {
  const out: { start: number; rows: T[][]; bytes: number }[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = estimate([]);
    while (end < rows.length && (end === start || bytes + JSON.stringify(rows[end]).length < maxBytes)) {
      bytes += JSON.stringify(rows[end]).length + 1;
      end++;
    }
    out.push({ start, rows: rows.slice(start, end), bytes });
    start = end;
  }
  return out;
}

function sliceAddress(grid: Grid, start: number, rows: unknown[][]): string {
  return localAddress({ top: grid.top + start, left: grid.left, bottom: grid.top + start + rows.length - 1, right: grid.left + rows[0].length - 1 });
}

/** Number formats first (a text cell must be "@" before its text arrives), then values and formulas. */
async function queueCells(writer: BatchWriter, ws: Excel.Worksheet, t: TemplateSheet): Promise<void> {
  const grid = gridOf(t);
  if (!grid) return;
  for (const s of rowSlices(grid.formats, writer.maxOpBytes)) {
    await writer.add(s.bytes, () => {
      ws.getRange(sliceAddress(grid, s.start, s.rows)).numberFormat = s.rows;
    });
  }
  for (const s of rowSlices(grid.inputs, writer.maxOpBytes)) {
    const hasFormula = s.rows.some((_, i) => grid.formulaRows.has(s.start + i));
    await writer.add(s.bytes, () => {
      const range = ws.getRange(sliceAddress(grid, s.start, s.rows));
      // `formulas` takes constants too; a slice without formulas goes through `values`.
      if (hasFormula) range.formulas = s.rows;
      else range.values = s.rows;
    });
  }
}

function groupCells<K>(cells: TemplateCell[], key: (c: TemplateCell) => K | undefined): Map<K, TemplateCell[]> {
  const out = new Map<K, TemplateCell[]>();
  for (const c of cells) {
    const k = key(c);
    if (k === undefined) continue;
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(c);
  }
  return out;
}

/** Applies `apply` to the format of every cell in `cells`, as few RangeAreas as the address limit allows. */
async function queueFormat(writer: BatchWriter, ws: Excel.Worksheet, cells: TemplateCell[], ops: number, apply: (f: Excel.RangeFormat) => void): Promise<void> {
  for (const address of addressChunks(cells, Math.min(MAX_ADDRESS_CHARS, writer.maxOpBytes))) {
    await writer.add(estimate(address) + ops * estimate(''), () => apply(ws.getRanges(address).format));
  }
}

const HORIZONTAL: Record<NonNullable<TemplateCell['horizontal']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};

/** Fonts, fills, alignment (table cells at the top, as the .xlsx writer does), wrap, borders, unlocked inputs. */
async function queueStyles(writer: BatchWriter, ws: Excel.Worksheet, cells: TemplateCell[]): Promise<void> {
  await queueFormat(writer, ws, cells.filter((c) => c.bold), 1, (f) => {
    f.font.bold = true;
  });
  for (const [fill, list] of groupCells(cells, (c) => c.fill?.toUpperCase())) {
    await queueFormat(writer, ws, list, 1, (f) => {
      f.fill.color = argbToHex(fill);
    });
  }
  for (const [h, list] of groupCells(cells, (c) => c.horizontal)) {
    await queueFormat(writer, ws, list, 1, (f) => {
      f.horizontalAlignment = HORIZONTAL[h];
    });
  }
  const vertical = (c: TemplateCell) => (c.border ? 'Top' : c.horizontal || c.wrap ? 'Center' : undefined);
  for (const [v, list] of groupCells(cells, vertical)) {
    await queueFormat(writer, ws, list, 1, (f) => {
      f.verticalAlignment = v as Excel.VerticalAlignment;
    });
  }
  await queueFormat(writer, ws, cells.filter((c) => c.wrap), 1, (f) => {
    f.wrapText = true;
  });
  await queueFormat(writer, ws, cells.filter((c) => c.border), BORDER_SIDES.length * 3, (f) => {
    for (const side of BORDER_SIDES) {
      const b = f.borders.getItem(side as Excel.BorderIndex);
      b.style = 'Continuous' as Excel.BorderLineStyle;
      b.weight = 'Thin' as Excel.BorderWeight;
      b.color = BORDER_COLOR;
    }
  });
  await queueFormat(writer, ws, cells.filter((c) => c.locked === false), 1, (f) => {
    f.protection.locked = false;
  });
}

/** Consecutive indexes with the same value, as [first, last, value]. */
function runs(entries: { at: number; value: number }[]): [number, number, number][] {
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  const out: [number, number, number][] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] + 1 === e.at && last[2] === e.value) last[1] = e.at;
    else out.push([e.at, e.at, e.value]);
  }
  return out;
}

async function queueLayout(writer: BatchWriter, ws: Excel.Worksheet, t: TemplateSheet): Promise<void> {
  for (const [first, last, width] of runs(t.columnWidths.map((w) => ({ at: w.col, value: columnWidthPoints(w.width) })))) {
    await writer.add(estimate(''), () => {
      ws.getRange(`${columnLetters(first)}:${columnLetters(last)}`).format.columnWidth = width;
    });
  }
  // Heights after wrapping: Excel would otherwise fit the rows to the wrapped text on its own.
  for (const [first, last, height] of runs(t.rowHeights.map((h) => ({ at: h.row, value: h.height })))) {
    await writer.add(estimate(''), () => {
      ws.getRange(`${first}:${last}`).format.rowHeight = height;
    });
  }
  if (t.frozenRows > 0) await writer.add(estimate(''), () => ws.freezePanes.freezeRows(t.frozenRows));
  await writer.add(estimate('') * 3, () => {
    const page = ws.pageLayout;
    page.orientation = t.pageSetup.orientation === 'landscape' ? ('Landscape' as Excel.PageOrientation) : ('Portrait' as Excel.PageOrientation);
    // One page wide; pages tall left automatic (fitToHeight 0 = no vertical fit, so verticalFitToPages is not set).
    page.zoom = t.pageSetup.fitToHeight > 0 ? { horizontalFitToPages: t.pageSetup.fitToWidth, verticalFitToPages: t.pageSetup.fitToHeight } : { horizontalFitToPages: t.pageSetup.fitToWidth };
    page.setPrintTitleRows(`$${t.printTitleRows.first}:$${t.printTitleRows.last}`);
  });
}

function rangeAddress(r: CellRange): string {
  return localAddress(r);
}

async function queueValidations(writer: BatchWriter, ws: Excel.Worksheet, t: TemplateSheet): Promise<void> {
  for (const v of t.dataValidations) {
    const data = { rule: v, address: rangeAddress(v.range) };
    await writer.add(estimate(data) + 4 * estimate(''), () => {
      const dv = ws.getRange(rangeAddress(v.range)).dataValidation;
      dv.rule = { decimal: { formula1: v.value, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator } };
      dv.ignoreBlanks = v.allowBlank;
      dv.errorAlert = { title: v.errorTitle, message: v.error, showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle };
      dv.prompt = { title: v.promptTitle, message: v.prompt, showPrompt: true };
    });
  }
}

/** A text rule: the cell's value equals the text. */
function textFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

function queueRule(range: Excel.Range, rule: TemplateRule): void {
  const format = (f: Excel.ConditionalRangeFormat) => {
    f.fill.color = argbToHex(rule.fill);
    if (rule.fontColor) f.font.color = argbToHex(rule.fontColor);
  };
  if (rule.type === 'expression') {
    const cf = range.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = `=${rule.formula}`;
    format(cf.custom.format);
  } else {
    const cf = range.conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
    cf.cellValue.rule = { formula1: textFormula(rule.text), operator: 'EqualTo' as Excel.ConditionalCellValueOperator };
    format(cf.cellValue.format);
  }
}

/** Excel adds each conditional format at the top priority: queued last-first, they end up in the plan's order. */
async function queueConditionalFormats(writer: BatchWriter, ws: Excel.Worksheet, t: TemplateSheet): Promise<void> {
  for (const cf of [...t.conditionalFormats].reverse()) {
    for (const rule of [...cf.rules].reverse()) {
      await writer.add(estimate(rule) + 4 * estimate(''), () => queueRule(ws.getRange(rangeAddress(cf.range)), rule));
    }
  }
}

/** Queues one new sheet (created at the end of the workbook, tagged with the run's id); returns its proxy. */
export async function queueTemplateSheet(writer: BatchWriter, workbook: Excel.Workbook, t: TemplateSheet, tag: string): Promise<Excel.Worksheet> {
  let ws: Excel.Worksheet | null = null;
  await writer.add(estimate(t.name) + estimate(tag), () => {
    ws = workbook.worksheets.add(t.name);
    ws.customProperties.add(TEMPLATE_TAG, tag);
  });
  const sheet = ws as unknown as Excel.Worksheet;
  await queueCells(writer, sheet, t);
  for (const m of t.merges) await writer.add(estimate(''), () => sheet.getRange(rangeAddress(m)).merge(false));
  await queueStyles(writer, sheet, t.cells);
  await queueLayout(writer, sheet, t);
  await queueValidations(writer, sheet, t);
  await queueConditionalFormats(writer, sheet, t);
  // Last: nothing may be written to the sheet once it is protected.
  if (t.protect) {
    await writer.add(estimate(''), () =>
      sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true, selectionMode: 'Normal' as Excel.ProtectionSelectionMode }),
    );
  }
  return sheet;
}

/**
 * After a failed write: deletes the sheets this run added before the failure (those tagged with its id; only
 * sheets with a name of the plan that was not in the workbook are looked at). Returns whether any was deleted.
 */
async function removeAdded(session: ExcelSession, plan: TemplatePlan, existing: string[], tag: string): Promise<boolean> {
  const before = new Set(existing.map(lower));
  const planned = new Set(plan.sheets.map((s) => lower(s.name)));
  const list = session.context.workbook.worksheets.load('items/name');
  await session.sync();
  const candidates = list.items
    .filter((ws) => planned.has(lower(ws.name)) && !before.has(lower(ws.name)))
    .map((ws) => ({ ws, mark: ws.customProperties.getItemOrNullObject(TEMPLATE_TAG).load('value') }));
  if (candidates.length === 0) return false;
  await session.sync();
  const ours = candidates.filter((c) => !c.mark.isNullObject && c.mark.value === tag).map((c) => c.ws);
  if (ours.length === 0) return false;
  ours.forEach((ws) => ws.delete());
  await session.sync();
  return true;
}

/**
 * Adds every sheet of the plan after the existing ones and activates the first: one request when it fits in the
 * budget. `existing`: every sheet name of the workbook (hidden ones too). Throws a Spanish Error, leaving the
 * workbook as it was where it can, when Excel refuses part of the batch.
 */
export async function writeTemplatePlan(session: ExcelSession, plan: TemplatePlan, existing: string[], budget = REQUEST_BUDGET): Promise<void> {
  const taken = new Set(existing.map(lower));
  for (const t of plan.sheets) {
    if (taken.has(lower(t.name))) throw new Error(plantillaCli.sheetExists(t.name));
    taken.add(lower(t.name));
  }
  if (!plan.sheets.length) return;
  const writer = new BatchWriter(session, budget);
  const tag = runId();
  try {
    const added: Excel.Worksheet[] = [];
    for (const t of plan.sheets) added.push(await queueTemplateSheet(writer, session.context.workbook, t, tag));
    await writer.add(estimate(''), () => added[0].activate());
    await writer.flush();
  } catch (e) {
    const detail = e instanceof Error && e.message ? e.message : String(e);
    let tail: string;
    try {
      tail = (await removeAdded(session, plan, existing, tag)) ? plantillaExcel.removedPartial : '';
    } catch {
      tail = plantillaExcel.checkPartial;
    }
    throw new Error([plantillaExcel.insertFailed(detail), tail].filter(Boolean).join(' '));
  }
}
