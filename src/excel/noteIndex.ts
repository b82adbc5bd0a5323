/**
 * The notes of the workbook, by cell, read in two queued steps that ride on the reader's two
 * syncs: the items with their text, then each item's location. Notes need ExcelApi 1.18; on
 * older hosts the same is done with threaded comments (ExcelApi 1.10).
 */
import { parseQualified } from './a1';
import { refKey } from './journalStore';
import type { NoteKind } from './session';

export interface NoteHandle {
  text: string;
  item: Excel.Note | Excel.Comment;
}

export interface NoteIndex {
  kind: NoteKind;
  /** By refKey (sheet, row, col). */
  byCell: Map<string, NoteHandle>;
}

type Annotations = Excel.NoteCollection | Excel.CommentCollection;

/** Step 1 (before the first sync): load every note's text. */
export function queueNoteItems(workbook: Excel.Workbook, kind: NoteKind): Annotations {
  return kind === 'notes' ? workbook.notes.load('items/content') : workbook.comments.load('items/content');
}

/** Step 2 (after the first sync): queue each note's location; call the result after the next sync. */
export function queueNoteLocations(collection: Annotations, kind: NoteKind): () => NoteIndex {
  const items: (Excel.Note | Excel.Comment)[] = collection.items;
  const located = items.map((item) => ({ item, where: item.getLocation().load('address') }));
  return () => {
    const byCell = new Map<string, NoteHandle>();
    for (const { item, where } of located) {
      const area = parseQualified(where.address);
      if (area.sheet === null) continue;
      byCell.set(refKey({ sheet: area.sheet, row: area.top, col: area.left }), { text: item.content, item });
    }
    return { kind, byCell };
  };
}

/** Queues the change of one cell's note to `text` (null removes it). */
export function queueNoteChange(ws: Excel.Worksheet, address: string, existing: NoteHandle | undefined, text: string | null, kind: NoteKind): void {
  if (existing) {
    if (text === null) existing.item.delete();
    else existing.item.content = text;
    return;
  }
  if (text === null) return;
  const cell = ws.getRange(address);
  if (kind === 'notes') ws.notes.add(cell, text);
  else ws.comments.add(cell, text);
}
