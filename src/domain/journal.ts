import type { CellValue } from './snapshot';
import type { CellRef } from './plan';

/**
 * The undo journal: before a plan is applied, each adapter saves the previous state of every
 * cell the plan touches into a very-hidden sheet. Undo restores those states exactly.
 * Both adapters write and read the same rows, so `poa deshacer` can undo an add-in run.
 */
export const JOURNAL_SHEET = 'POA_DESHACER';
export const JOURNAL_HEADER = ['hoja', 'fila', 'columna', 'estado', 'escrito'] as const;

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

/** Rows of the journal sheet, header first. Sheet text is stored as data (JSON), never as formulas. */
export function journalToRows(entries: JournalEntry[]): (string | number)[][] {
  const rows: (string | number)[][] = [[...JOURNAL_HEADER]];
  for (const e of entries) rows.push([e.sheet, e.row, e.col, JSON.stringify(e.before), e.written === undefined ? '' : JSON.stringify({ value: e.written })]);
  return rows;
}

export function journalFromRows(rows: unknown[][]): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [sheet, row, col, state, written] = rows[i];
    if (typeof sheet !== 'string' || typeof state !== 'string') continue;
    const r = Number(row);
    const c = Number(col);
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 1 || c < 1) continue;
    let before: CellState;
    try {
      const parsed = JSON.parse(state) as Partial<CellState>;
      before = {
        value: parsed.value === undefined ? null : (parsed.value as CellValue),
        formula: typeof parsed.formula === 'string' ? parsed.formula : null,
        numberFormat: typeof parsed.numberFormat === 'string' ? parsed.numberFormat : 'General',
        fill: typeof parsed.fill === 'string' ? parsed.fill : null,
        fillRaw: typeof parsed.fillRaw === 'string' ? parsed.fillRaw : undefined,
        note: typeof parsed.note === 'string' ? parsed.note : null,
      };
    } catch {
      continue;
    }
    const entry: JournalEntry = { sheet, row: r, col: c, before };
    if (typeof written === 'string' && written) {
      try {
        const w = JSON.parse(written) as { value?: CellValue };
        if ('value' in w) entry.written = w.value ?? null;
      } catch {
        // an unreadable 'escrito' cell: the value is left as it is on undo
      }
    }
    entries.push(entry);
  }
  return entries;
}
