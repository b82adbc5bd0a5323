/**
 * Deshacer: puts every journaled cell back and leaves the journal empty. Fills and notes always
 * come back; a value and its number format only while the cell still holds what the run wrote (a
 * later edit by the user is kept). Syncs: sheet list and notes; journal and the notes' cells; the
 * current values of the cells the run wrote (skipped when it wrote none); the writes.
 */
import type { JournalEntry } from '../domain/journal';
import type { CellRef } from '../domain/plan';
import type { CellValue } from '../domain/snapshot';
import { excelMessages } from '../i18n/excel.es-MX';
import { previousRun } from './applyRun';
import { BatchWriter, REQUEST_BUDGET } from './batchWriter';
import { undoTargets } from './cellTargets';
import { journalWorksheet, queueEmptyJournal } from './journalSheet';
import { refKey } from './journalStore';
import { blockAddress, toBlocks } from './rangeGroups';
import { readWorkbook } from './readWorkbook';
import { type ExcelSession, noteKind } from './session';
import { queueTargets } from './writeChanges';

/** Current values of the cells the run wrote, read in one sync (in rectangular blocks). */
async function writtenValues(session: ExcelSession, entries: JournalEntry[]): Promise<(ref: CellRef) => CellValue> {
  const values = new Map<string, CellValue>();
  const written = entries.filter((e) => e.written !== undefined);
  if (written.length === 0) return () => null;
  const loads: (() => void)[] = [];
  const bySheet = new Map<string, JournalEntry[]>();
  for (const e of written) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  for (const [sheet, list] of bySheet) {
    const ws = session.context.workbook.worksheets.getItem(sheet);
    for (const block of toBlocks(list.map((e) => ({ row: e.row, col: e.col, v: true })))) {
      const range = ws.getRange(blockAddress(block)).load('values');
      loads.push(() =>
        range.values.forEach((row, r) =>
          row.forEach((v: unknown, c) => values.set(refKey({ sheet, row: block.top + r, col: block.left + c }), v as CellValue)),
        ),
      );
    }
  }
  await session.sync();
  loads.forEach((read) => read());
  return (ref) => values.get(refKey(ref)) ?? null;
}

/** Returns the number of cells restored. Throws (Spanish message) when a sheet to restore is protected. */
export async function undoJournal(session: ExcelSession, budget = REQUEST_BUDGET): Promise<number> {
  const read = await readWorkbook(session, noteKind(), { snapshots: false });
  if (!read.journalExists) return 0;
  const entries = previousRun(read);
  for (const sheet of new Set(entries.map((e) => e.sheet))) {
    if (read.sheets.find((s) => s.name === sheet)?.protected) throw new Error(excelMessages.undoProtected(sheet));
  }
  if (read.journal.length === 0) return 0;
  const current = await writtenValues(session, entries);
  const writer = new BatchWriter(session, budget);
  await queueTargets(writer, session.context.workbook, undoTargets(entries, current), read.notes);
  await queueEmptyJournal(writer, journalWorksheet(session.context.workbook, true));
  await writer.flush();
  return entries.length;
}
