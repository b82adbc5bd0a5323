/**
 * Queues the final cell states of a run as few operations as possible: values (and formulas being
 * restored) and number formats in rectangular blocks, fills grouped by colour over
 * worksheet.getRanges (RangeAreas), notes one by one. Sizes go through the BatchWriter.
 */
import { cellAddress } from '../domain/address';
import { type BatchWriter, estimate } from './batchWriter';
import { argbToHex, toExcelInput } from './cellInput';
import type { CellContent, CellTarget } from './cellTargets';
import { refKey } from './journalStore';
import { type NoteIndex, queueNoteChange } from './noteIndex';
import { MAX_ADDRESS_CHARS, MAX_BLOCK_CELLS, type Positioned, addressChunks, blockAddress, toBlocks } from './rangeGroups';

function groupBy<K>(targets: CellTarget[], key: (t: CellTarget) => K | undefined): Map<K, CellTarget[]> {
  const out = new Map<K, CellTarget[]>();
  for (const t of targets) {
    const k = key(t);
    if (k === undefined) continue;
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(t);
  }
  return out;
}

/** Cells per written block: about 24 bytes a cell, within the writer's largest operation. */
const cellsPerOp = (writer: BatchWriter): number => Math.max(1, Math.min(MAX_BLOCK_CELLS, Math.floor(writer.maxOpBytes / 24)));

const input = (c: CellContent): string | number | boolean => ('formula' in c ? c.formula : toExcelInput(c.value));

async function queueContents(writer: BatchWriter, ws: Excel.Worksheet, targets: CellTarget[]): Promise<void> {
  const cells: Positioned<CellContent>[] = [];
  for (const t of targets) if (t.content) cells.push({ row: t.row, col: t.col, v: t.content });
  for (const block of toBlocks(cells, cellsPerOp(writer))) {
    const values = block.values.map((row) => row.map(input));
    // A block restoring a formula is written through `formulas`, which takes constants too.
    const hasFormula = block.values.some((row) => row.some((c) => 'formula' in c));
    await writer.add(estimate(values), () => {
      const range = ws.getRange(blockAddress(block));
      if (hasFormula) range.formulas = values;
      else range.values = values;
    });
  }
}

async function queueNumberFormats(writer: BatchWriter, ws: Excel.Worksheet, targets: CellTarget[]): Promise<void> {
  const cells: Positioned<string>[] = [];
  for (const t of targets) if (t.numberFormat !== undefined) cells.push({ row: t.row, col: t.col, v: t.numberFormat });
  for (const block of toBlocks(cells, cellsPerOp(writer))) {
    await writer.add(estimate(block.values), () => {
      ws.getRange(blockAddress(block)).numberFormat = block.values;
    });
  }
}

async function queueFills(writer: BatchWriter, ws: Excel.Worksheet, targets: CellTarget[]): Promise<void> {
  for (const [color, cells] of groupBy(targets, (t) => (t.fill === undefined ? undefined : (t.fill?.toUpperCase() ?? '')))) {
    for (const address of addressChunks(cells, Math.min(MAX_ADDRESS_CHARS, writer.maxOpBytes))) {
      await writer.add(estimate(address) * 2, () => {
        const fill = ws.getRanges(address).format.fill;
        if (color === '') fill.clear();
        else fill.color = argbToHex(color);
      });
    }
  }
}

async function queueNotes(writer: BatchWriter, ws: Excel.Worksheet, targets: CellTarget[], notes: NoteIndex): Promise<void> {
  for (const t of targets) {
    if (t.note === undefined) continue;
    const text = t.note;
    await writer.add(estimate(text ?? '') * 2, () =>
      queueNoteChange(ws, cellAddress(t.row, t.col), notes.byCell.get(refKey(t)), text, notes.kind),
    );
  }
}

/** Queues every target; the caller flushes the writer. */
export async function queueTargets(writer: BatchWriter, workbook: Excel.Workbook, targets: CellTarget[], notes: NoteIndex): Promise<void> {
  for (const [sheet, list] of groupBy(targets, (t) => t.sheet)) {
    const ws = workbook.worksheets.getItem(sheet);
    // Values first, number formats after: changing a format never converts a value already written.
    await queueContents(writer, ws, list);
    await queueNumberFormats(writer, ws, list);
    await queueFills(writer, ws, list);
    await queueNotes(writer, ws, list, notes);
  }
}
