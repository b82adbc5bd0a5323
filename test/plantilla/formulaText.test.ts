import ExcelJS from 'exceljs';
import { isFormulaLike } from '../../src/domain/template';
import { IND } from '../../src/domain/template/indicatorTemplate';
import { addIndicatorSheet } from '../fixtures/buildWorkbook';
import { FORMULA_LIKE, addTemplates, formulaLikeBlocks, readValue } from './helpers';

const COLUMNS: Record<keyof typeof FORMULA_LIKE, number> = {
  description: IND.description, comments: IND.comments, measureUnit: IND.measureUnit,
  indicatorName: IND.indicatorName, objective: IND.objective, frequency: IND.frequency,
};

test('isFormulaLike: = + - @ at the start', () => {
  expect(['=A1', '+52', '-', '@x'].every(isFormulaLike)).toBe(true);
  expect(['52', 'N/A', ' =A1', 'A=B', ''].some(isFormulaLike)).toBe(false);
});

test('text copied from the source is written as text, never as a formula', async () => {
  const wb = new ExcelJS.Workbook();
  addIndicatorSheet(wb, '306', formulaLikeBlocks());
  const { wb: out, plan } = await addTemplates(wb);
  const sheet = plan.sheets[0];
  const row = sheet.dataValidations[0].range.top;
  const ws = out.getWorksheet(sheet.name)!;
  for (const [field, text] of Object.entries(FORMULA_LIKE) as [keyof typeof FORMULA_LIKE, string][]) {
    const col = COLUMNS[field];
    const cell = sheet.cells.find((c) => c.row === row && c.col === col)!;
    expect({ field, value: cell.value, formula: cell.formula, format: cell.numberFormat }).toEqual({ field, value: text, formula: undefined, format: '@' });
    expect(ws.getCell(row, col).formula).toBeUndefined();
    expect(ws.getCell(row, col).type).not.toBe(ExcelJS.ValueType.Formula);
    expect(readValue(ws, row, col)).toBe(text);
  }
  // Ordinary text keeps the General format.
  expect(sheet.cells.find((c) => c.row === row + 1 && c.col === IND.indicatorName)!.numberFormat).toBeUndefined();
});
