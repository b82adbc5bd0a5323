/** Reading: the snapshots the engine gets, in one read batch after the sheet list. */
import { JOURNAL_SHEET } from '../../src/domain/journal';
import type { SheetSnapshot } from '../../src/domain/snapshot';
import { readWorkbook } from '../../src/excel/readWorkbook';
import { createSession } from '../../src/excel/session';
import { type ExcelFake, createExcelFake } from '../fakes/excelFake';

const G = 'General';

function workbook(): ExcelFake {
  return createExcelFake({
    sheets: [
      {
        name: 'ene 25',
        cells: {
          A1: 'PROGRAMA OPERATIVO ANUAL 2025',
          A2: { value: 45658, numberFormat: 'mmm-yy' },
          B3: { value: 0.0833, numberFormat: '0.00%' },
          C3: 700,
          D3: { value: 1324, fill: 'FFFFC7CE', note: 'revisar' },
          B4: { value: 0.15755, formula: '=D3/C3*B3', numberFormat: '0.00%' },
          C4: { value: '#DIV/0!', formula: '=C3/0' },
          D4: '257,124',
        },
        merges: ['A1:D1'],
      },
      { name: 'dic-24', visibility: 'Hidden', cells: { C5: 'x', D6: true } },
      { name: JOURNAL_SHEET, visibility: 'VeryHidden', cells: { A1: 'hoja' } },
    ],
    active: 'ene 25',
  });
}

async function read(fake: ExcelFake) {
  return fake.Excel.run((context) => readWorkbook(createSession(context as unknown as Excel.RequestContext), 'notes', { snapshots: true }));
}

test('the active sheet becomes a SheetSnapshot: merges, percent formats, date serials, formulas, error values', async () => {
  const result = await read(workbook());
  const expected: SheetSnapshot = {
    name: 'ene 25',
    originRow: 1,
    originCol: 1,
    values: [
      ['PROGRAMA OPERATIVO ANUAL 2025', null, null, null],
      [45658, null, null, null],
      [null, 0.0833, 700, 1324],
      [null, 0.15755, '#DIV/0!', '257,124'],
    ],
    numberFormats: [
      [G, G, G, G],
      ['mmm-yy', G, G, G],
      [G, '0.00%', G, G],
      [G, '0.00%', G, G],
    ],
    formulas: [
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, '=D3/C3*B3', '=C3/0', null],
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
  };
  expect(result.snapshots[0]).toEqual(expected);
  expect(result.activeSheet).toBe('ene 25');
});

test('other sheets are read too (hidden ones marked hidden, origin where their data starts); the journal is not a snapshot', async () => {
  const result = await read(workbook());
  expect(result.snapshots.map((s) => s.name)).toEqual(['ene 25', 'dic-24']);
  expect(result.snapshots[1]).toEqual({
    name: 'dic-24',
    originRow: 5,
    originCol: 3,
    values: [['x', null], [null, true]],
    numberFormats: [[G, G], [G, G]],
    formulas: [[null, null], [null, null]],
    merges: [],
    hidden: true,
  });
  expect(result.journalExists).toBe(true);
  expect(result.sheets.map((s) => [s.name, s.visibility])).toEqual([
    ['ene 25', 'Visible'],
    ['dic-24', 'Hidden'],
    [JOURNAL_SHEET, 'VeryHidden'],
  ]);
});

test('two syncs: the sheet list, then ONE batch with every sheet, the fills of the active sheet, the journal and the notes', async () => {
  const fake = workbook();
  const result = await read(fake);
  expect(fake.syncs).toBe(2);
  const batch = fake.requests[1].members;
  expect(batch['Range.load']).toBe(4); // two sheets' used ranges, the journal, the note's cell
  expect(batch['RangeAreas.load']).toBe(2); // merged areas of both sheets
  expect(batch['Range.getCellProperties']).toBe(1);
  expect(result.formats?.fills[2][3]).toBe('FFFFC7CE');
  expect(result.formats?.fills[2][2]).toBeNull();
  expect([...result.notes.byCell.values()].map((n) => n.text)).toEqual(['revisar']);
});

test('an empty active sheet and a sheet without merges read without errors', async () => {
  const fake = createExcelFake({ sheets: [{ name: 'Vacía' }, { name: 'Otra', cells: { B2: 1 } }] });
  const result = await read(fake);
  expect(result.snapshots[0]).toMatchObject({ name: 'Vacía', values: [[null]], merges: [] });
  expect(result.snapshots[1]).toMatchObject({ name: 'Otra', originRow: 2, originCol: 2, values: [[1]] });
  expect(result.journal).toEqual([]);
});
