import type ExcelJS from 'exceljs';
import type { CellValue, MergedArea, SheetSnapshot } from '../domain/snapshot';
import { parseAddress } from '../domain/address';

const MS_PER_DAY = 86400000;

/** Excel serial number of a JS date as ExcelJS reads it (UTC midnight for date cells). */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + 25569;
}

/** A cell's value as the engine expects it (like Office.js `values`). */
export function plainValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) {
      // ExcelJS's cell.value drops a falsy result (a formula that computed 0); cell.result keeps it.
      const r = (o.result ?? (cell as unknown as { result?: unknown }).result) as unknown;
      if (r === undefined || r === null) return null;
      if (r instanceof Date) return dateToSerial(r);
      if (typeof r === 'object' && r && 'error' in (r as Record<string, unknown>)) return String((r as Record<string, unknown>).error);
      return r as CellValue;
    }
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return String(o.text);
  }
  return null;
}

export function cellFormula(cell: ExcelJS.Cell): string | null {
  const f = cell.formula;
  return f ? `=${f}` : null;
}

function parseRange(range: string): MergedArea | null {
  const [a, b] = range.split(':');
  if (!a || !b) return null;
  try {
    const s = parseAddress(a);
    const e = parseAddress(b);
    return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
  } catch {
    return null;
  }
}

/** Snapshot of one worksheet: dense arrays from A1 to the last used cell. */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const formulas: (string | null)[][] = [];
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m): m is MergedArea => m !== null);
  const followers = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) followers.add(r * 32768 + c);
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellValue[] = [];
    const fr: string[] = [];
    const xr: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const follower = followers.has(r * 32768 + c);
      vr[c - 1] = follower ? null : plainValue(cell);
      fr[c - 1] = cell.numFmt || 'General';
      xr[c - 1] = follower ? null : cellFormula(cell);
    });
    values[r - 1] = vr;
    numberFormats[r - 1] = fr;
    formulas[r - 1] = xr;
  });
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) {
      values[i] = [];
      numberFormats[i] = [];
      formulas[i] = [];
    }
    const row = values[i];
    for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
  }
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return {
    name: ws.name, originRow: 1, originCol: 1, values, numberFormats, formulas, merges,
    hidden: ws.state !== 'visible' && ws.state !== undefined,
    protected: !!protection?.sheet,
  };
}

export function snapshotsOf(wb: ExcelJS.Workbook): SheetSnapshot[] {
  return wb.worksheets.map(snapshotOf);
}
