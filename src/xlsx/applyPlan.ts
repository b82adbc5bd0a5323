import type ExcelJS from 'exceljs';
import { JOURNAL_SHEET, journalFromRows, journalToRows, mayRestoreValue, type JournalEntry } from '../domain/journal';
import { plainValue } from './readSnapshots';
import { touchedCells, type ChangePlan } from '../domain/plan';
import { patchStyle, readCellState, restoreCellState, solidFill } from './cellState';

/** Entries of the workbook's undo journal (empty when there is none). */
export function readJournal(wb: ExcelJS.Workbook): JournalEntry[] {
  const ws = wb.getWorksheet(JOURNAL_SHEET);
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      values[col - 1] = plainValue(cell);
    });
    rows.push(values);
  });
  return journalFromRows(rows);
}

/** Restores every journaled cell and removes the journal. Returns the number of cells restored. */
export function undoJournal(wb: ExcelJS.Workbook): number {
  const entries = readJournal(wb);
  let restored = 0;
  for (const e of entries) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    const cell = ws.getCell(e.row, e.col);
    restoreCellState(cell, e.before, mayRestoreValue(e, plainValue(cell)));
    restored++;
  }
  const journal = wb.getWorksheet(JOURNAL_SHEET);
  if (journal) wb.removeWorksheet(journal.id);
  return restored;
}

function writeJournal(wb: ExcelJS.Workbook, entries: JournalEntry[]): void {
  const existing = wb.getWorksheet(JOURNAL_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  if (!entries.length) return;
  const ws = wb.addWorksheet(JOURNAL_SHEET, { state: 'veryHidden' });
  for (const row of journalToRows(entries)) {
    const r = ws.addRow(row);
    // Sheet text is data: force text cells so nothing is read as a formula.
    r.eachCell((cell) => {
      if (typeof cell.value === 'string') cell.value = { richText: [{ text: cell.value }] };
    });
  }
}

/**
 * Applies a plan to a workbook: saves the previous state of every touched cell in the journal,
 * then writes values (never formulas), fills and notes. Cells the plan does not name are not touched.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: ChangePlan): number {
  const entries = new Map<string, JournalEntry>();
  for (const ref of touchedCells(plan)) {
    const ws = wb.getWorksheet(ref.sheet);
    if (!ws) continue;
    entries.set(`${ref.sheet}\u0000${ref.row}\u0000${ref.col}`, { ...ref, before: readCellState(ws.getCell(ref.row, ref.col)) });
  }
  for (const w of plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.row, w.col);
    if (cell.formula) continue; // never replace a user formula
    cell.value = w.value;
    const entry = entries.get(`${w.sheet}\u0000${w.row}\u0000${w.col}`);
    if (entry) entry.written = w.value;
    if (w.numberFormat) patchStyle(cell, { numFmt: w.numberFormat });
  }
  for (const f of plan.fills) {
    const ws = wb.getWorksheet(f.sheet);
    if (ws) patchStyle(ws.getCell(f.row, f.col), { fill: solidFill(f.color) });
  }
  for (const n of plan.notes) {
    const ws = wb.getWorksheet(n.sheet);
    if (ws) ws.getCell(n.row, n.col).note = n.text;
  }
  writeJournal(wb, [...entries.values()]);
  return entries.size;
}
