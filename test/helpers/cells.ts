import type ExcelJS from 'exceljs';
import { readCellState } from '../../src/xlsx/cellState';

/** Every cell of every visible sheet with its full state (value, formula, format, fill, note), by "sheet!A1". */
export function cellStates(wb: ExcelJS.Workbook, skipSheets: string[] = ['POA_DESHACER']): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (skipSheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const s = readCellState(cell);
        if (s.value === null && !s.formula && s.numberFormat === 'General' && !s.fillRaw && s.note === null) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify({ ...s, fillRaw: s.fillRaw ? JSON.parse(s.fillRaw) : undefined }));
      });
    });
  }
  return out;
}

export function mergesOf(wb: ExcelJS.Workbook): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const ws of wb.worksheets) out[ws.name] = [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
  return out;
}
