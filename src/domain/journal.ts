import type { CellValue } from './snapshot';
import type { CellRef } from './plan';

/**
 * The undo journal: before a plan is applied, each adapter saves the previous state of every
 * cell the plan touches into a very-hidden sheet. Undo restores those states exactly.
 * Both adapters write and read the same rows, so `poa deshacer` can undo an add-in run.
 */
export const JOURNAL_SHEET = 'POA_DESHACER';
export const JOURNAL_HEADER = ['hoja', 'fila', 'columna', 'estado', 'escrito', 'hasta_fila'] as const;

export interface CellState {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** ARGB of a solid fill, or null for no fill. */
  fill: string | null;
  /** Adapter-specific exact fill description (e.g. ExcelJS fill JSON); used when present. */
  fillRaw?: string;
  note: string | null;
}

export interface JournalEntry extends CellRef {
  before: CellState;
  /**
   * The value the run wrote into the cell, when it wrote one. Undo puts the previous value back only while
   * the cell still holds this value, so an edit the user made after the run is never lost; fills and notes
   * are always restored. Cells the run only highlighted keep their value untouched.
   */
  written?: CellValue;
}

/** Whether undo may put the previous value back: the run wrote the cell and the user has not changed it since. */
export function mayRestoreValue(entry: JournalEntry, current: CellValue): boolean {
  if (!('written' in entry) || entry.written === undefined) return false;
  const norm = (v: CellValue) => (v === '' ? null : v);
  const a = norm(current);
  const b = norm(entry.written);
  return a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));
}

/** The state without its default fields (journalFromRows reads the missing ones back as defaults). */
function compactState(state: CellState): Partial<CellState> {
  const out: Partial<CellState> = {};
  if (state.value !== null) out.value = state.value;
  if (state.formula !== null) out.formula = state.formula;
  if (state.numberFormat !== 'General') out.numberFormat = state.numberFormat;
  if (state.fill !== null) out.fill = state.fill;
  if (state.fillRaw !== undefined) out.fillRaw = state.fillRaw;
  if (state.note !== null) out.note = state.note;
  return out;
}

/**
 * Rows of the journal sheet, header first. Cells of one column on consecutive rows with the same previous
 * state share one row (fila..hasta_fila), with the values the run wrote as a JSON array: a run over
 * 50,000 rows journals its added columns in a few rows instead of 100,000. Sheet text is stored as data (JSON).
 */
export function journalToRows(entries: JournalEntry[]): (string | number)[][] {
  const rows: (string | number)[][] = [[...JOURNAL_HEADER]];
  const sorted = [...entries].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i];
    const state = JSON.stringify(compactState(first.before));
    const hasWritten = first.written !== undefined;
    const written: CellValue[] = [];
    let j = i;
    while (
      j < sorted.length &&
      sorted[j].sheet === first.sheet &&
      sorted[j].col === first.col &&
      sorted[j].row === first.row + (j - i) &&
      (sorted[j].written !== undefined) === hasWritten &&
      (j === i || JSON.stringify(compactState(sorted[j].before)) === state)
    ) {
      if (hasWritten) written.push(sorted[j].written as CellValue);
      j++;
    }
    const last = sorted[j - 1];
    rows.push([first.sheet, first.row, first.col, state, hasWritten ? JSON.stringify(written) : '', last.row]);
    i = j;
  }
  return rows;
}

function parseState(text: string): CellState | null {
  try {
    const parsed = JSON.parse(text) as Partial<CellState>;
    return {
      value: parsed.value === undefined ? null : (parsed.value as CellValue),
      formula: typeof parsed.formula === 'string' ? parsed.formula : null,
      numberFormat: typeof parsed.numberFormat === 'string' ? parsed.numberFormat : 'General',
      fill: typeof parsed.fill === 'string' ? parsed.fill : null,
      fillRaw: typeof parsed.fillRaw === 'string' ? parsed.fillRaw : undefined,
      note: typeof parsed.note === 'string' ? parsed.note : null,
    };
  } catch {
    return null;
  }
}

export function journalFromRows(rows: unknown[][]): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [sheet, row, col, state, written, lastRow] = rows[i];
    if (typeof sheet !== 'string' || typeof state !== 'string') continue;
    const top = Number(row);
    const c = Number(col);
    const bottom = lastRow === undefined || lastRow === null || lastRow === '' ? top : Number(lastRow);
    if (![top, c, bottom].every(Number.isInteger) || top < 1 || c < 1 || bottom < top) continue;
    const before = parseState(state);
    if (!before) continue;
    let values: CellValue[] | null = null;
    if (typeof written === 'string' && written) {
      try {
        const parsed = JSON.parse(written) as unknown;
        if (Array.isArray(parsed) && parsed.length === bottom - top + 1) values = parsed as CellValue[];
      } catch {
        // an unreadable 'escrito' cell: values are left as they are on undo
      }
    }
    for (let r = top; r <= bottom; r++) {
      const entry: JournalEntry = { sheet, row: r, col: c, before: { ...before } };
      if (values) entry.written = values[r - top] ?? null;
      entries.push(entry);
    }
  }
  return entries;
}
