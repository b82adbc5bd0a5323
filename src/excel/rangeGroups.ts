/**
 * Cells grouped into few ranges: vertical runs per column, side-by-side runs over the same rows
 * joined into one rectangle. Blocks carry 2D values for range.values; address lists feed
 * worksheet.getRanges, each string kept under Excel's address length limit.
 */
import { localAddress } from './a1';

export interface Positioned<T> {
  row: number;
  col: number;
  v: T;
}

export interface Block<T> {
  top: number;
  left: number;
  /** values[r][c] for rows top.. and columns left.. */
  values: T[][];
}

/** Excel rejects longer address strings in getRanges; keep well under 8,192 characters. */
export const MAX_ADDRESS_CHARS = 8000;

/** At most this many cells per written block, so no single operation dominates a request. */
export const MAX_BLOCK_CELLS = 20000;

interface Run<T> {
  top: number;
  col: number;
  vals: T[];
}

function columnRuns<T>(cells: Positioned<T>[]): Run<T>[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run<T>[] = [];
  let run: Run<T> | null = null;
  for (const c of sorted) {
    if (run && run.col === c.col && run.top + run.vals.length === c.row) run.vals.push(c.v);
    else runs.push((run = { top: c.row, col: c.col, vals: [c.v] }));
  }
  return runs;
}

export function toBlocks<T>(cells: Positioned<T>[], maxCells = MAX_BLOCK_CELLS): Block<T>[] {
  const runs = columnRuns(cells).sort((a, b) => a.top - b.top || a.vals.length - b.vals.length || a.col - b.col);
  const blocks: Block<T>[] = [];
  let last: { block: Block<T>; rightCol: number; height: number } | null = null;
  for (const run of runs) {
    const h = run.vals.length;
    if (last && last.block.top === run.top && last.height === h && last.rightCol + 1 === run.col) {
      run.vals.forEach((v, i) => last!.block.values[i].push(v));
      last.rightCol = run.col;
      continue;
    }
    const block: Block<T> = { top: run.top, left: run.col, values: run.vals.map((v) => [v]) };
    blocks.push(block);
    last = { block, rightCol: run.col, height: h };
  }
  return blocks.flatMap((b) => splitRows(b, maxCells));
}

function splitRows<T>(block: Block<T>, maxCells: number): Block<T>[] {
  const width = block.values[0].length;
  const rows = Math.max(1, Math.floor(maxCells / width));
  if (block.values.length <= rows) return [block];
  const out: Block<T>[] = [];
  for (let i = 0; i < block.values.length; i += rows) {
    out.push({ top: block.top + i, left: block.left, values: block.values.slice(i, i + rows) });
  }
  return out;
}

export function blockAddress<T>(block: Block<T>): string {
  return localAddress({
    top: block.top,
    left: block.left,
    bottom: block.top + block.values.length - 1,
    right: block.left + block.values[0].length - 1,
  });
}

/** "A1:A3,C5,…" strings for getRanges, each at most maxChars long. */
export function addressChunks(cells: { row: number; col: number }[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const block of toBlocks(cells.map((c) => ({ ...c, v: true })), Number.MAX_SAFE_INTEGER)) {
    const address = blockAddress(block);
    if (current && current.length + 1 + address.length > maxChars) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) chunks.push(current);
  return chunks;
}
