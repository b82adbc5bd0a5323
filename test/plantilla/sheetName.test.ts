import ExcelJS from 'exceljs';
import { MAX_SHEET_NAME, sheetName } from '../../src/domain/template';
import { validateWorkbook } from '../../src/domain/engine';
import { buildTemplates } from '../../src/domain/template';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import { writeTemplates } from '../../src/xlsx/writeTemplates';
import { addIndicatorSheet, roundTrip } from '../fixtures/buildWorkbook';
import { cellStates } from '../helpers/cells';
import { unitBlocks } from '../helpers/engine';

const INVALID = /[:\\/?*[\]]/;
const feb = { kind: 'month' as const, year: 2025, index: 2 };

describe('sheet names', () => {
  test('period and unit clave', () => {
    expect(sheetName(feb, '306', [])).toBe('feb-25 306');
    expect(sheetName({ kind: 'quarter', year: 2025, index: 2 }, '308', [])).toBe('T2-25 308');
  });

  test('an existing name gets a suffix, compared as Excel does (ignoring case)', () => {
    expect(sheetName(feb, '306', ['feb-25 306'])).toBe('feb-25 306 (2)');
    expect(sheetName(feb, '306', ['FEB-25 306', 'feb-25 306 (2)'])).toBe('feb-25 306 (3)');
  });

  test('no : \\ / ? * [ ] and no apostrophe at the ends', () => {
    const name = sheetName(feb, "A/B:C?D*E[F]G\\H'", []);
    expect(name).not.toMatch(INVALID);
    expect(name).toBe('feb-25 A-B-C-D-E-F-G-H');
    expect(sheetName("'x", '1', [])).toBe('x 1');
  });

  test('at most 31 characters, also with a suffix', () => {
    const key = '3'.repeat(40);
    const name = sheetName(feb, key, []);
    expect(name).toHaveLength(MAX_SHEET_NAME);
    const second = sheetName(feb, key, [name]);
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(second).not.toBe(name);
  });
});

describe('templates never overwrite a sheet', () => {
  test('a sheet already named like the template: the template gets "(2)", the existing sheet is untouched', async () => {
    const wb = new ExcelJS.Workbook();
    addIndicatorSheet(wb, '306 Altos consumos', unitBlocks('306'));
    const taken = wb.addWorksheet('abr-25 306');
    taken.getCell('A1').value = 'Captura a mano de abril';
    taken.getCell('B2').value = 42;
    const source = await roundTrip(wb);
    const before = cellStates(source);
    const result = validateWorkbook({ snapshots: snapshotsOf(source) });
    const plan = buildTemplates(result, { existingNames: source.worksheets.map((w) => w.name) });
    expect(plan.sheets.map((s) => s.name)).toEqual(['abr-25 306 (2)']);
    await writeTemplates(source, plan);
    const after = cellStates(await roundTrip(source), ['abr-25 306 (2)']);
    expect(after).toEqual(before);
  });

  test('the ExcelJS adapter refuses a plan whose sheet name exists, before adding anything', async () => {
    const wb = new ExcelJS.Workbook();
    addIndicatorSheet(wb, '306', unitBlocks('306'));
    const result = validateWorkbook({ snapshots: snapshotsOf(wb) });
    const plan = buildTemplates(result, { existingNames: [] });
    wb.addWorksheet(plan.sheets[0].name);
    await expect(writeTemplates(wb, plan)).rejects.toThrow(/ya existe/);
    expect(wb.worksheets).toHaveLength(2);
  });
});
