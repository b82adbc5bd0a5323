import type ExcelJS from 'exceljs';
import type { CellState } from '../domain/journal';
import { cellFormula, plainValue } from './readSnapshots';

const patched = new WeakMap<object, Map<string, ExcelJS.Style>>();

/**
 * ExcelJS shares style objects between cells of the same style, so a cell's style is never changed in place:
 * the cell gets a new style object. The same patch of the same style gives the same object again (as ExcelJS
 * itself shares them), which keeps 100,000 highlighted cells from holding 100,000 style objects.
 */
export function patchStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  const base = cell.style ?? {};
  const key = `${Object.keys(patch).join(',')}|${JSON.stringify(patch)}`;
  let byPatch = patched.get(base);
  if (!byPatch) patched.set(base, (byPatch = new Map()));
  let next = byPatch.get(key);
  if (!next) {
    const made: Partial<ExcelJS.Style> = { ...base, ...patch };
    for (const k of Object.keys(patch) as (keyof ExcelJS.Style)[]) if (patch[k] === undefined) delete made[k];
    next = made as ExcelJS.Style;
    byPatch.set(key, next);
  }
  cell.style = next;
}

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

function noteText(cell: ExcelJS.Cell): string | null {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return null;
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : null;
}

export function readCellState(cell: ExcelJS.Cell): CellState {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const argb = fill && fill.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb ?? null : null;
  const state: CellState = {
    value: plainValue(cell),
    formula: cellFormula(cell),
    numberFormat: cell.numFmt || 'General',
    fill: argb,
    note: noteText(cell),
  };
  if (fill) state.fillRaw = JSON.stringify(fill);
  const raw = cell.value as unknown;
  if (raw instanceof Date) state.value = plainValue(cell);
  return state;
}

/** Puts a cell back as the journal recorded it: fill and note always, value and number format when `withValue`. */
export function restoreCellState(cell: ExcelJS.Cell, state: CellState, withValue: boolean): void {
  if (withValue) {
    if (state.formula) cell.value = { formula: state.formula.replace(/^=/, ''), result: state.value ?? undefined } as ExcelJS.CellFormulaValue;
    else cell.value = state.value as ExcelJS.CellValue;
  }
  const fill = state.fillRaw ? (JSON.parse(state.fillRaw) as ExcelJS.Fill) : state.fill ? solidFill(state.fill) : undefined;
  const patch: Partial<ExcelJS.Style> = { fill };
  if (withValue) patch.numFmt = state.numberFormat === 'General' ? undefined : state.numberFormat;
  patchStyle(cell, patch);
  if (state.note === null) removeNote(cell);
  else cell.note = state.note;
}

/**
 * ExcelJS has no API to delete a note: the cell keeps it in `_comment`, and a copy of it stays in the
 * value's model once the workbook has been written or read, which is what the writer serialises.
 */
export function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}
