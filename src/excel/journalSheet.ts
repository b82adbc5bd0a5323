/**
 * Writes the undo journal into its very hidden sheet (created on first use). Text goes in with
 * toExcelInput, so a sheet named "2025" or a JSON state stays text.
 */
import { JOURNAL_HEADER, JOURNAL_SHEET, type JournalEntry, journalToRows } from '../domain/journal';
import { columnLetters } from '../domain/address';
import { type BatchWriter, estimate } from './batchWriter';
import { toExcelInput } from './cellInput';


/** Last column of the journal (its header's width). */
const LAST = columnLetters(JOURNAL_HEADER.length);

/** The journal sheet, queued for creation (very hidden) when it does not exist. */
export function journalWorksheet(workbook: Excel.Workbook, exists: boolean): Excel.Worksheet {
  if (exists) return workbook.worksheets.getItem(JOURNAL_SHEET);
  const ws = workbook.worksheets.add(JOURNAL_SHEET);
  ws.visibility = 'VeryHidden';
  return ws;
}

/** Replaces the journal's contents with `entries` (header first). */
export async function queueJournal(writer: BatchWriter, ws: Excel.Worksheet, entries: JournalEntry[]): Promise<void> {
  await writer.add(estimate(''), () => ws.getRange().clear('Contents'));
  const rows = journalToRows(entries).map((row) => row.map((cell) => (typeof cell === 'string' ? toExcelInput(cell) : cell)));
  let start = 0;
  while (start < rows.length) {
    // As many rows as fit in one operation of at most writer.maxOpBytes.
    let end = start;
    let bytes = estimate([]);
    while (end < rows.length && (end === start || bytes + JSON.stringify(rows[end]).length < writer.maxOpBytes)) {
      bytes += JSON.stringify(rows[end]).length + 1;
      end++;
    }
    const chunk = rows.slice(start, end);
    const first = start + 1;
    await writer.add(bytes, () => {
      ws.getRange(`A${first}:${LAST}${first + chunk.length - 1}`).values = chunk;
    });
    start = end;
  }
}

/** Clears `count` entry rows after the first `keep` entries (the header is row 1). */
export async function queueJournalTrim(writer: BatchWriter, ws: Excel.Worksheet, keep: number, count: number): Promise<void> {
  if (count <= 0) return;
  const first = keep + 2;
  await writer.add(estimate(''), () => ws.getRange(`A${first}:${LAST}${first + count - 1}`).clear('Contents'));
}

/** An empty journal: just the header row. */
export async function queueEmptyJournal(writer: BatchWriter, ws: Excel.Worksheet): Promise<void> {
  await writer.add(estimate(JOURNAL_HEADER), () => {
    ws.getRange().clear('Contents');
    ws.getRange(`A1:${LAST}1`).values = [[...JOURNAL_HEADER]];
  });
}
