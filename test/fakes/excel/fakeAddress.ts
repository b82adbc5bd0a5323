/**
 * A1 addresses for the Excel fake. Independent of src/ on purpose: the fake must not share
 * the adapter's address code, or a bug in it would go unnoticed. Rows and columns are 0-based.
 */
import { FakeError } from './fakeErrors';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
export const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };

export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function invalid(address: string): FakeError {
  return new FakeError('InvalidArgument', `The address "${address}" is not valid.`);
}

/** "A1", "A1:C3", "A:C", "2:5" (no sheet prefix). */
export function parseLocalRange(address: string): Rect {
  const parts = address.trim().split(':');
  if (parts.length < 1 || parts.length > 2) throw invalid(address);
  const ends = parts.map((p) => {
    const cell = CELL.exec(p);
    if (cell) return { row: Number(cell[2]) - 1, col: columnIndex(cell[1]), kind: 'cell' as const };
    const col = COLUMN.exec(p);
    if (col) return { row: -1, col: columnIndex(col[1]), kind: 'col' as const };
    const row = ROW.exec(p);
    if (row) return { row: Number(row[1]) - 1, col: -1, kind: 'row' as const };
    throw invalid(address);
  });
  const [a, b] = [ends[0], ends[ends.length - 1]];
  if (a.kind !== b.kind || (ends.length === 1 && a.kind !== 'cell')) throw invalid(address);
  const rect: Rect = {
    top: a.kind === 'col' ? 0 : Math.min(a.row, b.row),
    bottom: a.kind === 'col' ? MAX_ROWS - 1 : Math.max(a.row, b.row),
    left: a.kind === 'row' ? 0 : Math.min(a.col, b.col),
    right: a.kind === 'row' ? MAX_COLS - 1 : Math.max(a.col, b.col),
  };
  if (rect.top < 0 || rect.bottom >= MAX_ROWS || rect.left < 0 || rect.right >= MAX_COLS) throw invalid(address);
  return rect;
}

export function formatLocal(rect: Rect): string {
  const a = `${columnName(rect.left)}${rect.top + 1}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return a;
  return `${a}:${columnName(rect.right)}${rect.bottom + 1}`;
}

/** Excel quotes a sheet name unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${formatLocal(rect)}`;
}

/** Splits "'Hoja 1'!A1:B2" into the sheet name (unquoted) and "A1:B2". */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    if (text[i + 1] !== '!') throw invalid(address);
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  return bang < 0 ? { sheet: null, local: text } : { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function rectCells(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}
