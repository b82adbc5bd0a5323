/** The undo journal: apply then undo restores exactly; apply twice equals apply once; later user edits survive undo. */
import { JOURNAL_SHEET } from '../../src/domain/journal';
import { DEFAULT_OPTIONS } from '../../src/domain/options';
import { SheetView } from '../../src/domain/snapshot';
import type { FakeWorkbookData } from '../fakes/excelFake';
import type { FakeRequestContext } from '../fakes/excel/fakeContext';
import type { FakeWorkbook } from '../fakes/excel/fakeWorkbook';
import { type Harness, SHEET, handPlan, harness, smallWorkbook } from './gatewayHarness';

let h: Harness;
afterEach(() => h?.uninstall());

/** The workbook as data, without the journal sheet. */
function userSheets(): FakeWorkbookData {
  const data = h.fake.toData();
  return { ...data, sheets: data.sheets.filter((s) => s.name !== JOURNAL_SHEET) };
}

async function userEdit(address: string, value: unknown): Promise<void> {
  await h.fake.Excel.run(async (context: FakeRequestContext) => {
    (context.workbook as FakeWorkbook).worksheets.getItem(SHEET).getRange(address).values = [[value]];
    await context.sync();
  });
}

test('apply then undo restores values, formulas, number formats, fills and notes exactly, and empties the journal', async () => {
  h = harness(smallWorkbook(), handPlan());
  const original = h.fake.toData();
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  expect(userSheets()).not.toEqual(original);

  h.fake.resetStats();
  const restored = await h.gateway.undoLastRun();
  expect(restored).toBe(5);
  expect(userSheets()).toEqual(original);
  // '257,124' came back as text (not the number 257124), the white fill as a white fill, the user's note as it was.
  expect(h.fake.cell(SHEET, 'B3')).toMatchObject({ value: '257,124', note: 'nota del usuario' });
  expect(h.fake.cell(SHEET, 'B2').fill).toBe('#FFFFFF');
  expect(h.fake.cell(SHEET, 'E5')).toEqual({ value: null, formula: null, numberFormat: 'General', fill: null, bold: false, note: null, comment: null });
  console.log(`[excel] undo of 5 cells: ${h.fake.syncs} syncs`);
  expect(h.fake.syncs).toBeLessThanOrEqual(4);

  const journal = h.fake.sheet(JOURNAL_SHEET);
  expect(Object.keys(journal.cells ?? {})).toEqual(['A1', 'B1', 'C1', 'D1', 'E1', 'F1']);
  expect(await h.gateway.undoLastRun()).toBe(0);
  expect(userSheets()).toEqual(original);
});

test('validating twice equals validating once (the journal keeps the original states)', async () => {
  h = harness(smallWorkbook(), handPlan());
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  const once = h.fake.toData();
  const second = await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  expect(second.applied).toBe(true);
  expect(h.fake.toData()).toEqual(once);
  // The engine saw the sheet as it was before the first run (the range read is larger: E5 is used now).
  const [first, again] = h.engine.requests.map((r) => new SheetView(r.snapshots[0]));
  for (let row = 1; row <= 5; row++) {
    for (let col = 1; col <= 5; col++) {
      expect([again.value(row, col), again.formula(row, col), again.numberFormat(row, col)]).toEqual([
        first.value(row, col),
        first.formula(row, col),
        first.numberFormat(row, col),
      ]);
    }
  }
  // Undo after two runs still gets back to the original workbook.
  h.uninstall();
  h = harness(smallWorkbook(), handPlan());
  const original = h.fake.toData();
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  await h.gateway.undoLastRun();
  expect(userSheets()).toEqual(original);
});

test('a second run with a different plan restores the cells only the first run touched', async () => {
  h = harness(smallWorkbook(), handPlan());
  const original = h.fake.toData();
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  const afterFirst = h.fake.toData();
  h.uninstall();
  // The workbook as the first run left it (journal included), validated with another plan.
  h = harness(afterFirst, { writes: [], fills: [{ sheet: SHEET, row: 9, col: 1, color: 'FFDDEBF7' }], notes: [] });
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  const expected = structuredClone(original);
  expected.sheets[0].cells = { ...expected.sheets[0].cells, A9: { fill: '#DDEBF7' } };
  expect(userSheets().sheets).toEqual(expected.sheets);
  await h.gateway.undoLastRun();
  expect(userSheets().sheets).toEqual(original.sheets);
});

test('undo keeps a value the user changed after the run, but still restores its fill and note', async () => {
  h = harness(smallWorkbook(), handPlan());
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  await userEdit('B2', 0.2);
  await h.gateway.undoLastRun();
  expect(h.fake.cell(SHEET, 'B2')).toMatchObject({ value: 0.2, fill: '#FFFFFF', note: null });
  expect(h.fake.cell(SHEET, 'D2')).toMatchObject({ value: 0.5, numberFormat: '0%', fill: '#FFEB9C' });
});

test('validating again after a user edit keeps the edit in what the engine sees and in the journal', async () => {
  h = harness(smallWorkbook(), handPlan());
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  await userEdit('D2', 0.75);
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  const seen = h.engine.requests[1].snapshots[0];
  expect(seen.values[1][3]).toBe(0.75); // D2
  expect(seen.values[1][1]).toBe(0.1576); // B2, restored from the journal
  await h.gateway.undoLastRun();
  expect(h.fake.cell(SHEET, 'D2')).toMatchObject({ value: 0.75, fill: '#FFEB9C' });
  expect(h.fake.cell(SHEET, 'B2')).toMatchObject({ value: 0.1576, fill: '#FFFFFF' });
});
