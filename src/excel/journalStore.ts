/** The undo journal rows of src/domain/journal.ts (ranges of cells with the same previous state share a row). */
import { type JournalEntry, journalToRows } from '../domain/journal';
import type { CellRef } from '../domain/plan';

export function refKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
}

/** Journal sheet rows, header first. */
export function journalRows(entries: JournalEntry[]): (string | number)[][] {
  return journalToRows(entries);
}
