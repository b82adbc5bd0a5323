/**
 * Reads what a run needs in two syncs. Sync 1: the sheet list (name, visibility, protection),
 * the active sheet, workbook protection and the notes' text. Sync 2, one batch: the used range
 * (values, number formats, formulas) and merged areas of every sheet but the journal (hidden
 * sheets too: the engine reads earlier periods from them), the fills of the active sheet's used
 * range (getCellProperties), the journal sheet and the notes' cells. Fills and notes can be left out
 * (`formats: false`, `notes: false`): the Plantilla run reads only values, formats and merges.
 */
import { JOURNAL_SHEET, type JournalEntry, journalFromRows } from '../domain/journal';
import type { CellValue, MergedArea, SheetSnapshot } from '../domain/snapshot';
import { parseAddressList } from './a1';
import { fillOf } from './cellInput';
import { type NoteIndex, queueNoteItems, queueNoteLocations } from './noteIndex';
import { type ExcelSession, type NoteKind } from './session';

export interface SheetInfo {
  name: string;
  visibility: string;
  protected: boolean;
}

/** Fill (ARGB or null) of the active sheet's used range, origin-relative like a snapshot. */
export interface FormatGrid {
  sheet: string;
  originRow: number;
  originCol: number;
  fills: (string | null)[][];
}

export interface WorkbookRead {
  activeSheet: string;
  sheets: SheetInfo[];
  workbookProtected: boolean;
  journalExists: boolean;
  /** Every sheet but the journal as it is now (marked hidden / protected); empty when not requested. */
  snapshots: SheetSnapshot[];
  journal: JournalEntry[];
  formats: FormatGrid | null;
  notes: NoteIndex;
}

const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, tintAndShade: true } },
};

function mergesOf(merged: Excel.RangeAreas): MergedArea[] {
  if (merged.isNullObject) return [];
  return parseAddressList(merged.address).map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}

/** The flags the engine reads: hidden sheets are only read for earlier periods, protected ones validated read-only. */
interface SheetFlags {
  hidden?: boolean;
  protected?: boolean;
}

function toSnapshot(name: string, flags: SheetFlags, range: Excel.Range, merged: Excel.RangeAreas): SheetSnapshot {
  const values: CellValue[][] = range.values.map((row) => row.map((v: unknown) => (v === '' || v === undefined ? null : (v as CellValue))));
  const formulas = range.formulas.map((row) => row.map((f: unknown) => (typeof f === 'string' && f.startsWith('=') ? f : null)));
  return {
    name,
    originRow: range.rowIndex + 1,
    originCol: range.columnIndex + 1,
    values,
    numberFormats: range.numberFormat as string[][],
    formulas,
    merges: mergesOf(merged),
    ...flags,
  };
}

function emptySnapshot(name: string, flags: SheetFlags, merged: Excel.RangeAreas): SheetSnapshot {
  return { name, originRow: 1, originCol: 1, values: [], numberFormats: [], formulas: [], merges: mergesOf(merged), ...flags };
}

function toFormats(sheet: string, range: Excel.Range, props: Excel.CellProperties[][]): FormatGrid {
  return {
    sheet,
    originRow: range.rowIndex + 1,
    originCol: range.columnIndex + 1,
    fills: props.map((row) => row.map(fillOf)),
  };
}

export interface ReadOptions {
  /** Read every sheet's used range (values, number formats, formulas, merges). */
  snapshots: boolean;
  /** Read the fills of the active sheet (default true; only a run that writes fills needs them). */
  formats?: boolean;
  /** Read the notes (default true; only a run that writes notes needs them). */
  notes?: boolean;
}

export async function readWorkbook(session: ExcelSession, kind: NoteKind, options: ReadOptions): Promise<WorkbookRead> {
  const wb = session.context.workbook;
  const worksheets = wb.worksheets.load('items/name,items/visibility,items/protection/protected');
  const active = wb.worksheets.getActiveWorksheet().load('name');
  const protection = wb.protection.load('protected');
  const noteItems = options.notes === false ? null : queueNoteItems(wb, kind);
  await session.sync();

  const sheets: SheetInfo[] = worksheets.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility,
    protected: ws.protection.protected,
  }));
  const journalWs = worksheets.items.find((ws) => ws.name === JOURNAL_SHEET);
  const journalRange = journalWs?.getUsedRangeOrNullObject(true).load('values');
  const notesReady = noteItems ? queueNoteLocations(noteItems, kind) : (): NoteIndex => ({ kind, byCell: new Map() });

  const pending: (() => SheetSnapshot)[] = [];
  let formatsReady = null as (() => FormatGrid) | null;
  if (options.snapshots) {
    for (const ws of worksheets.items) {
      if (ws.name === JOURNAL_SHEET) continue;
      const name = ws.name;
      const flags: SheetFlags = {};
      if (ws.visibility !== 'Visible') flags.hidden = true;
      if (ws.protection.protected) flags.protected = true;
      const isActive = name === active.name && options.formats !== false;
      // The active sheet's range includes formatted cells, so that every fill the plan may replace is read.
      const used = isActive ? ws.getUsedRange(false) : ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,values,numberFormat,formulas');
      const merged = ws.getRange().getMergedAreasOrNullObject().load('address');
      if (isActive) {
        const props = used.getCellProperties(CELL_PROPERTIES);
        formatsReady = () => toFormats(name, used, props.value);
      }
      pending.push(() => (used.isNullObject ? emptySnapshot(name, flags, merged) : toSnapshot(name, flags, used, merged)));
    }
  }
  await session.sync();

  return {
    activeSheet: active.name,
    sheets,
    workbookProtected: protection.protected,
    journalExists: journalWs !== undefined,
    snapshots: pending.map((make) => make()),
    journal: journalRange && !journalRange.isNullObject ? journalFromRows(journalRange.values) : [],
    formats: formatsReady?.() ?? null,
    notes: notesReady(),
  };
}
