/**
 * The journal is shared with the CLI: `poa deshacer` (ExcelJS) must undo what the add-in applied.
 * The fake's workbook after an add-in run is copied into ExcelJS, journal included, and undone there.
 */
import ExcelJS from 'exceljs';
import { DEFAULT_OPTIONS } from '../../src/domain/options';
import { JOURNAL_SHEET } from '../../src/domain/journal';
import { undoJournal } from '../../src/xlsx/applyPlan';
import { readCellState, solidFill } from '../../src/xlsx/cellState';
import type { FakeWorkbookData } from '../fakes/excelFake';
import { SHEET, handPlan, harness, smallWorkbook } from './gatewayHarness';

function toExcelJs(data: FakeWorkbookData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility === 'VeryHidden' ? 'veryHidden' : 'visible' });
    for (const [address, spec] of Object.entries(sheet.cells ?? {})) {
      const c = spec !== null && typeof spec === 'object' ? spec : { value: spec };
      const cell = ws.getCell(address);
      if (c.formula) cell.value = { formula: c.formula.slice(1), result: c.value ?? undefined } as ExcelJS.CellFormulaValue;
      else if (c.value !== undefined && c.value !== null) cell.value = c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.fill) cell.fill = solidFill(`FF${c.fill.slice(1)}`);
      if (c.note) cell.note = c.note;
    }
  }
  return wb;
}

function states(wb: ExcelJS.Workbook, addresses: string[]) {
  const ws = wb.getWorksheet(SHEET)!;
  // fillRaw is ExcelJS's own copy of the fill; the add-in journals the ARGB colour.
  return addresses.map((a) => ({ ...readCellState(ws.getCell(a)), fillRaw: undefined }));
}

test('the CLI undoes a run of the add-in from its journal (values, formats, fills, notes)', async () => {
  const h = harness(smallWorkbook(), handPlan());
  try {
    const original = toExcelJs(h.fake.toData());
    await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
    const validated = toExcelJs(h.fake.toData());
    expect(validated.getWorksheet(JOURNAL_SHEET)).toBeDefined();

    expect(undoJournal(validated)).toBe(5);
    const cells = ['B2', 'B3', 'C3', 'D2', 'E5'];
    expect(states(validated, cells)).toEqual(states(original, cells));
    expect(validated.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
  } finally {
    h.uninstall();
  }
});
