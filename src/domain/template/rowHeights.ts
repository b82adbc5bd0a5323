/**
 * Row heights for wrapped text: spreadsheet programs do not grow a row written by a file, so the template
 * sets them, estimated from the text length and the column widths (Calibri 11: ~1 character per width unit).
 */
import type { CellRange, TemplateCell } from './types';

const LINE_HEIGHT = 15;
const MAX_HEIGHT = 409;
/** Upper-case text is wider than the "0" that defines a column's width. */
const CHAR_WIDTH = 1.15;

/** Lines a text takes in a column, wrapping at spaces like a spreadsheet does. */
function linesOf(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width / CHAR_WIDTH));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used > 0 && used + 1 + len <= perLine) used += 1 + len;
      else if (used === 0 && len <= perLine) used = len;
      else {
        if (used > 0) lines++;
        lines += Math.ceil(len / perLine) - 1;
        used = len % perLine || perLine;
      }
    }
  }
  return lines;
}

export function estimateRowHeights(cells: TemplateCell[], merges: CellRange[], widths: Map<number, number>): { row: number; height: number }[] {
  const mergeAt = new Map<string, CellRange>();
  for (const m of merges) mergeAt.set(`${m.top}:${m.left}`, m);
  const width = (left: number, right: number) => {
    let w = 0;
    for (let c = left; c <= right; c++) w += widths.get(c) ?? 9;
    return w;
  };
  const heights = new Map<number, number>();
  const tall: { range: CellRange; needed: number }[] = [];
  for (const c of cells) {
    if (!c.wrap || typeof c.value !== 'string' || !c.value) continue;
    const m = mergeAt.get(`${c.row}:${c.col}`) ?? { top: c.row, left: c.col, bottom: c.row, right: c.col };
    const needed = linesOf(c.value, width(m.left, m.right)) * LINE_HEIGHT + 3;
    if (m.bottom === m.top) heights.set(c.row, Math.max(heights.get(c.row) ?? LINE_HEIGHT, needed));
    else tall.push({ range: m, needed });
  }
  for (const { range, needed } of tall) {
    const rows = range.bottom - range.top + 1;
    let have = 0;
    for (let r = range.top; r <= range.bottom; r++) have += heights.get(r) ?? LINE_HEIGHT;
    if (have >= needed) continue;
    const extra = (needed - have) / rows;
    for (let r = range.top; r <= range.bottom; r++) heights.set(r, (heights.get(r) ?? LINE_HEIGHT) + extra);
  }
  return [...heights.entries()]
    .filter(([, h]) => h > LINE_HEIGHT)
    .sort((a, b) => a[0] - b[0])
    .map(([row, h]) => ({ row, height: Math.min(MAX_HEIGHT, Math.ceil(h)) }));
}
