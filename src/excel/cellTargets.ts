/**
 * What a run writes, cell by cell, as final states: the previous run undone (fills and notes
 * always, value and number format while the cell still holds what that run wrote), the new plan on
 * top (never over a formula), and every part that already holds its final state dropped, so that
 * running twice writes nothing the second time but the journal. Also the new journal: each cell
 * the plan touches with its original state and the value the plan writes into it.
 */
import { type JournalEntry, mayRestoreValue } from '../domain/journal';
import { type CellRef, type ChangePlan, touchedCells } from '../domain/plan';
import { type CellValue, type SheetSnapshot, SheetView } from '../domain/snapshot';
import type { CellState } from '../domain/journal';
import { refKey } from './journalStore';
import type { WorkbookRead } from './readWorkbook';

export type CellContent = { formula: string } | { value: CellValue };

export interface CellTarget extends CellRef {
  content?: CellContent;
  numberFormat?: string;
  fill?: string | null;
  note?: string | null;
}

/** What a cell holds now; a field is undefined where the run did not read it. */
export interface CurrentCell {
  value?: CellValue;
  formula?: string | null;
  numberFormat?: string;
  fill?: string | null;
  note?: string | null;
}

export type CurrentReader = (ref: CellRef) => CurrentCell;

export interface RunChanges {
  targets: CellTarget[];
  /** New journal: the plan's cells first, then `staleCount` entries of the previous run, kept only until it is undone. */
  journal: JournalEntry[];
  staleCount: number;
}

export function currentReader(read: WorkbookRead): CurrentReader {
  const views = new Map(read.snapshots.map((s) => [s.name, new SheetView(s)]));
  const f = read.formats;
  return (ref) => {
    const note = read.notes.byCell.get(refKey(ref))?.text ?? null;
    const view = views.get(ref.sheet);
    if (!view) return { note };
    const cell: CurrentCell = { note, value: view.value(ref.row, ref.col), formula: view.formula(ref.row, ref.col) };
    const inside = ref.row >= view.firstRow && ref.row <= view.lastRow && ref.col >= view.firstCol && ref.col <= view.lastCol;
    // The active sheet's used range includes every formatted cell: outside it there is no format.
    if (inside || f?.sheet === ref.sheet) cell.numberFormat = view.numberFormat(ref.row, ref.col);
    if (f?.sheet === ref.sheet) cell.fill = f.fills[ref.row - f.originRow]?.[ref.col - f.originCol] ?? null;
    return cell;
  };
}

/** Whether undoing `old` puts its value (and number format) back: the cell still holds what that run wrote. */
function valueComesBack(old: JournalEntry | undefined, now: CurrentCell): old is JournalEntry {
  return old !== undefined && now.value !== undefined && mayRestoreValue(old, now.value);
}

/** The state a cell has once the previous run is undone. */
function original(now: CurrentCell, old: JournalEntry | undefined): CellState {
  const back = valueComesBack(old, now);
  return {
    value: back ? old.before.value : (now.value ?? null),
    formula: back ? old.before.formula : (now.formula ?? null),
    numberFormat: back ? old.before.numberFormat : (now.numberFormat ?? 'General'),
    fill: old ? old.before.fill : (now.fill ?? null),
    note: old ? old.before.note : (now.note ?? null),
  };
}

/** Undo of one journal entry, given whether its value comes back. */
function restoreTarget(e: JournalEntry, withValue: boolean): CellTarget {
  const t: CellTarget = { sheet: e.sheet, row: e.row, col: e.col, fill: e.before.fill, note: e.before.note };
  if (withValue) {
    t.content = e.before.formula ? { formula: e.before.formula } : { value: e.before.value };
    t.numberFormat = e.before.numberFormat;
  }
  return t;
}

const blank = (v: CellValue | undefined): CellValue | undefined => (v === '' ? null : v);

/** Drops the parts a cell already holds; false when nothing is left to write. */
function dropUnchanged(t: CellTarget, now: CurrentCell): boolean {
  if (t.content && now.formula !== undefined && now.value !== undefined) {
    const c = t.content;
    if ('formula' in c ? now.formula === c.formula : now.formula === null && blank(now.value) === blank(c.value)) delete t.content;
  }
  if (t.numberFormat !== undefined && now.numberFormat === t.numberFormat) delete t.numberFormat;
  if (t.fill !== undefined && now.fill !== undefined && (now.fill ?? '').toUpperCase() === (t.fill ?? '').toUpperCase()) delete t.fill;
  if (t.note !== undefined && now.note !== undefined && now.note === t.note) delete t.note;
  return t.content !== undefined || t.numberFormat !== undefined || t.fill !== undefined || t.note !== undefined;
}

export function planRun(plan: ChangePlan, previous: JournalEntry[], current: CurrentReader): RunChanges {
  const oldByKey = new Map(previous.map((e) => [refKey(e), e]));
  const targets = new Map<string, CellTarget>();
  for (const e of previous) targets.set(refKey(e), restoreTarget(e, valueComesBack(e, current(e))));
  const target = (ref: CellRef): CellTarget => {
    const key = refKey(ref);
    let t = targets.get(key);
    if (!t) targets.set(key, (t = { sheet: ref.sheet, row: ref.row, col: ref.col }));
    return t;
  };

  const originals = new Map<string, CellState>();
  const originalOf = (ref: CellRef): CellState => {
    const key = refKey(ref);
    let s = originals.get(key);
    if (!s) originals.set(key, (s = original(current(ref), oldByKey.get(key))));
    return s;
  };
  const written = new Map<string, CellValue>();
  for (const w of plan.writes) {
    if (originalOf(w).formula) continue; // never write over a formula
    const t = target(w);
    t.content = { value: w.value };
    if (w.numberFormat !== undefined) t.numberFormat = w.numberFormat;
    written.set(refKey(w), w.value);
  }
  for (const f of plan.fills) target(f).fill = f.color;
  for (const n of plan.notes) target(n).note = n.text;

  const touched = touchedCells(plan);
  const journal: JournalEntry[] = touched.map((ref) => {
    const key = refKey(ref);
    const entry: JournalEntry = { sheet: ref.sheet, row: ref.row, col: ref.col, before: originalOf(ref) };
    if (written.has(key)) entry.written = written.get(key);
    return entry;
  });
  const touchedKeys = new Set(touched.map(refKey));
  const stale = previous.filter((e) => !touchedKeys.has(refKey(e)));
  const writes = [...targets.values()].filter((t) => dropUnchanged(t, current(t)));
  return { targets: writes, journal: [...journal, ...stale], staleCount: stale.length };
}

/** Deshacer: every journaled cell back (value and number format only while it holds what the run wrote). */
export function undoTargets(entries: JournalEntry[], currentValue: (ref: CellRef) => CellValue): CellTarget[] {
  return entries.map((e) => restoreTarget(e, mayRestoreValue(e, currentValue(e))));
}

/** The snapshots as they will be once the previous run is undone (values, formulas, number formats). */
export function withoutPreviousRun(snapshots: SheetSnapshot[], previous: JournalEntry[]): SheetSnapshot[] {
  return snapshots.map((snap) => {
    const view = new SheetView(snap);
    const entries = previous.filter((e) => e.sheet === snap.name && mayRestoreValue(e, view.value(e.row, e.col)));
    if (entries.length === 0) return snap;
    const copy: SheetSnapshot = { ...snap, values: [...snap.values], numberFormats: [...snap.numberFormats], formulas: [...snap.formulas] };
    const copied = new Set<number>();
    for (const e of entries) {
      const r = e.row - snap.originRow;
      const c = e.col - snap.originCol;
      if (r < 0 || c < 0 || r >= snap.values.length || c >= snap.values[r].length) continue;
      if (!copied.has(r)) {
        copied.add(r);
        copy.values[r] = [...snap.values[r]];
        copy.numberFormats[r] = [...(snap.numberFormats[r] ?? [])];
        copy.formulas[r] = [...(snap.formulas[r] ?? [])];
      }
      copy.values[r][c] = e.before.value;
      copy.formulas[r][c] = e.before.formula;
      copy.numberFormats[r][c] = e.before.numberFormat;
    }
    return copy;
  });
}
