/**
 * Applies a plan to the workbook read by readWorkbook, journaled: the new journal is written
 * first (the plan's cells with their original states and the values written, plus the previous
 * run's cells until they are restored), then the final cell states (previous run undone, new plan
 * applied), then the previous run's leftover rows are cleared from the journal. All in one request
 * when it fits under the payload budget, otherwise in as few as needed.
 */
import type { JournalEntry } from '../domain/journal';
import type { ChangePlan } from '../domain/plan';
import { excelMessages } from '../i18n/excel.es-MX';
import { BatchWriter, REQUEST_BUDGET } from './batchWriter';
import { currentReader, planRun } from './cellTargets';
import { journalWorksheet, queueJournal, queueJournalTrim } from './journalSheet';
import type { WorkbookRead } from './readWorkbook';
import type { ExcelSession } from './session';
import { queueTargets } from './writeChanges';

export interface ApplyResult {
  applied: boolean;
  /** Spanish, when nothing was written. */
  reason?: string;
  /** Cells in the new journal. */
  journaled: number;
  /** Cells written (value, number format, fill or note changed). */
  written: number;
}

/** The previous run's entries on sheets that still exist. */
export function previousRun(read: WorkbookRead): JournalEntry[] {
  const names = new Set(read.sheets.map((s) => s.name));
  return read.journal.filter((e) => names.has(e.sheet));
}

/** Why nothing may be written, or null. */
export function writeBlocker(read: WorkbookRead): string | null {
  const info = (name: string) => read.sheets.find((s) => s.name === name);
  if (info(read.activeSheet)?.protected) return excelMessages.sheetProtected(read.activeSheet);
  for (const sheet of new Set(previousRun(read).map((e) => e.sheet))) {
    if (info(sheet)?.protected) return excelMessages.otherSheetProtected(sheet);
  }
  if (read.workbookProtected && !read.journalExists) return excelMessages.workbookProtected;
  return null;
}

/** Only the active sheet is changed: the other sheets were read for earlier periods. */
function onSheet(plan: ChangePlan, sheet: string): ChangePlan {
  return {
    writes: plan.writes.filter((w) => w.sheet === sheet),
    fills: plan.fills.filter((f) => f.sheet === sheet),
    notes: plan.notes.filter((n) => n.sheet === sheet),
  };
}

export async function applyPlan(session: ExcelSession, read: WorkbookRead, plan: ChangePlan, budget = REQUEST_BUDGET): Promise<ApplyResult> {
  const blocked = writeBlocker(read);
  if (blocked) return { applied: false, reason: blocked, journaled: 0, written: 0 };
  const previous = previousRun(read);
  const changes = planRun(onSheet(plan, read.activeSheet), previous, currentReader(read));
  if (changes.journal.length === 0) return { applied: true, journaled: 0, written: 0 };

  const wb = session.context.workbook;
  const writer = new BatchWriter(session, budget);
  const journal = journalWorksheet(wb, read.journalExists);
  await queueJournal(writer, journal, changes.journal);
  await queueTargets(writer, wb, changes.targets, read.notes);
  const kept = changes.journal.length - changes.staleCount;
  await queueJournalTrim(writer, journal, kept, changes.staleCount);
  await writer.flush();
  return { applied: true, journaled: kept, written: changes.targets.length };
}
