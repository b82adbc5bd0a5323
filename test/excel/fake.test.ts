/** The Excel fake enforces Office.js's load/sync rules and behaves like Excel where the adapter depends on it. */
import { createExcelFake, installExcelFake } from '../fakes/excelFake';
import type { FakeRequestContext } from '../fakes/excel/fakeContext';
import type { FakeWorkbook } from '../fakes/excel/fakeWorkbook';

const wb = (context: FakeRequestContext) => context.workbook as FakeWorkbook;

function sample() {
  return createExcelFake({
    sheets: [
      { name: 'Hoja 1', cells: { A1: 5, B2: { value: 0.0833, numberFormat: '0.00%', fill: 'FFFFC7CE', note: 'nota' } }, merges: ['A1:B1'] },
      { name: 'Oculta', visibility: 'VeryHidden', cells: { A1: 'x' } },
    ],
    active: 'Hoja 1',
  });
}

describe('load / sync rules', () => {
  test('reading a property before load() + sync() throws PropertyNotLoaded', async () => {
    const fake = sample();
    await fake.Excel.run(async (context) => {
      const range = wb(context).worksheets.getActiveWorksheet().getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[5, ''], ['', 0.0833]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('isNullObject is readable only after sync; collections expose items only after load', async () => {
    const fake = sample();
    await fake.Excel.run(async (context) => {
      const sheets = wb(context).worksheets;
      const missing = sheets.getItemOrNullObject('No existe');
      const present = sheets.getItemOrNullObject('hoja 1');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name,items/visibility,items/protection/protected');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(sheets.items.map((s) => [s.name, s.visibility, s.protection.protected])).toEqual([
        ['Hoja 1', 'Visible', false],
        ['Oculta', 'VeryHidden', false],
      ]);
    });
  });

  test('writes are applied at sync, in order, and each sync is measured', async () => {
    const fake = sample();
    await fake.Excel.run(async (context) => {
      const ws = wb(context).worksheets.getItem('Hoja 1');
      ws.getRange('C3:D3').values = [[1, 'dos']];
      expect(fake.cell('Hoja 1', 'C3').value).toBeNull();
      const read = ws.getRange('C3:D3').load('values');
      await context.sync();
      expect(read.values).toEqual([[1, 'dos']]);
    });
    expect(fake.syncs).toBe(1);
    expect(fake.requests[0].ops).toBeGreaterThanOrEqual(4);
    expect(fake.requests[0].requestBytes).toBeGreaterThan(JSON.stringify([[1, 'dos']]).length);
    expect(fake.opsCount('Range.values')).toBe(1);
  });
});

describe('Excel behaviour the adapter relies on', () => {
  test('values are typed in like Excel: number-like text converts unless prefixed with an apostrophe; null leaves a cell alone', async () => {
    const fake = sample();
    await fake.Excel.run(async (context) => {
      const ws = wb(context).worksheets.getActiveWorksheet();
      ws.getRange('A3:E3').values = [['257,124', "'257,124", '8.33%', 'TRUE', null]];
      ws.getRange('A1').values = [['']];
      await context.sync();
    });
    expect(fake.cell('Hoja 1', 'A3').value).toBe(257124);
    expect(fake.cell('Hoja 1', 'B3').value).toBe('257,124');
    expect(fake.cell('Hoja 1', 'C3')).toMatchObject({ value: 0.0833, numberFormat: '0.00%' });
    expect(fake.cell('Hoja 1', 'D3').value).toBe(true);
    expect(fake.cell('Hoja 1', 'A1').value).toBeNull();
  });

  test('addresses carry the quoted sheet name; merged areas and used range are reported like Excel', async () => {
    const fake = sample();
    await fake.Excel.run(async (context) => {
      const ws = wb(context).worksheets.getActiveWorksheet();
      const used = ws.getUsedRange().load('address,rowIndex,columnIndex,rowCount,columnCount');
      const merged = ws.getRange().getMergedAreasOrNullObject().load('address');
      const areas = merged.areas.load('items/address,items/rowIndex,items/columnCount');
      const cell = ws.getRange('B2:C3').getCell(1, 1).load('address');
      const none = ws.getRange('D5:E6').getMergedAreasOrNullObject();
      const empty = wb(context).worksheets.add('Vacía').getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe("'Hoja 1'!A1:B2");
      expect([used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([0, 0, 2, 2]);
      expect(merged.address).toBe("'Hoja 1'!A1:B1");
      expect(areas.items.map((r) => [r.address, r.rowIndex, r.columnCount])).toEqual([["'Hoja 1'!A1:B1", 0, 2]]);
      expect(cell.address).toBe("'Hoja 1'!C3");
      expect(none.isNullObject).toBe(true);
      expect(empty.isNullObject).toBe(true);
    });
  });

  test('no fill reads as white with tintAndShade null; getRanges fills every area; long address lists are rejected', async () => {
    const fake = sample();
    await fake.Excel.run(async (context) => {
      const ws = wb(context).worksheets.getActiveWorksheet();
      const props = ws.getRange('A2:B2').getCellProperties({ format: { fill: { color: true, tintAndShade: true } } });
      ws.getRanges('C1:C2, E5').format.fill.color = '#63BE7B';
      await context.sync();
      expect(props.value).toEqual([
        [{ format: { fill: { color: '#FFFFFF', tintAndShade: null } } }, { format: { fill: { color: '#FFC7CE', tintAndShade: 0 } } }],
      ]);
      expect(() => ws.getRanges(Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(','))).toThrow(/limit/);
    });
    expect(['C1', 'C2', 'E5'].map((a) => fake.cell('Hoja 1', a).fill)).toEqual(['#63BE7B', '#63BE7B', '#63BE7B']);
  });

  test('a protected sheet rejects writes at sync; notes need ExcelApi 1.18, comments 1.10', async () => {
    const fake = createExcelFake({ sheets: [{ name: 'P', protected: true, cells: { A1: 1 } }], apiVersion: '1.13' });
    await expect(
      fake.Excel.run(async (context) => {
        wb(context).worksheets.getItem('P').getRange('A1').values = [[2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.cell('P', 'A1').value).toBe(1);
    await fake.Excel.run(async (context) => {
      expect(() => wb(context).notes).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => wb(context).comments).not.toThrow();
    });
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
  });

  test('install() sets the globals Excel and Office and uninstall restores them; Excel.run options are recorded', async () => {
    const target: Record<string, unknown> = {};
    const fake = installExcelFake({ sheets: [{ name: 'A' }] }, target);
    expect(target.Excel).toBe(fake.Excel);
    expect(target.Office).toBe(fake.Office);
    await fake.Excel.run({ delayForCellEdit: true }, async () => undefined);
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true }]);
    fake.uninstall();
    expect(target.Excel).toBeUndefined();
  });
});
