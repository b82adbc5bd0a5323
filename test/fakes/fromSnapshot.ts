/** Engine snapshots (as the ExcelJS reader makes them) turned into the fake's workbook data. */
import { cellAddress } from '../../src/domain/address';
import type { SheetSnapshot } from '../../src/domain/snapshot';
import { localAddress } from '../../src/excel/a1';
import type { FakeCellData, FakeSheetData } from './excelFake';

/** A snapshot as the fake's sheet data: values and number formats as a table, formulas as cells, merges. */
export function fakeSheetOf(s: SheetSnapshot): FakeSheetData {
  const cells: Record<string, FakeCellData> = {};
  s.formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (!f) return;
      const value = s.values[r]?.[c];
      const numberFormat = s.numberFormats[r]?.[c];
      cells[cellAddress(s.originRow + r, s.originCol + c)] = {
        formula: f,
        ...(value !== null && value !== undefined ? { value } : {}),
        ...(numberFormat ? { numberFormat } : {}),
      };
    }),
  );
  return {
    name: s.name,
    table: {
      at: cellAddress(s.originRow, s.originCol),
      values: s.values.map((row) => Array.from(row, (v) => (v === undefined ? null : v))),
      numberFormats: s.numberFormats.map((row) => Array.from(row, (f) => f || null)),
    },
    cells,
    merges: s.merges.map(localAddress),
    visibility: s.hidden ? 'Hidden' : 'Visible',
    protected: s.protected ?? false,
  };
}
