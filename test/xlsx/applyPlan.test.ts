/**
 * The ExcelJS adapter applies the engine's plan to a copy: corrections in place with the old value in a note,
 * compliance columns once, highlights replaced (not stacked), formulas never replaced, everything else untouched,
 * and an undo journal that restores exactly.
 */
import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../src/domain/engine';
import { JOURNAL_SHEET } from '../../src/domain/journal';
import { SEVERITY_FILL } from '../../src/domain/plan';
import { applyPlan, readJournal, undoJournal } from '../../src/xlsx/applyPlan';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import { patchStyle } from '../../src/xlsx/cellState';
import { addIndicatorSheet, addNotesSheet, buildSampleWorkbook, roundTrip } from '../fixtures/buildWorkbook';
import { unitBlocks } from '../helpers/engine';
import { cellStates, mergesOf } from '../helpers/cells';

/** What `poa validar` does to a workbook in memory: undo the previous run, validate, apply. */
async function runOnce(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  undoJournal(wb);
  const result = validateWorkbook({ snapshots: snapshotsOf(wb) });
  applyPlan(wb, result.plan);
  return roundTrip(wb);
}

async function workbookWithWrongFigures() {
  const wb = new ExcelJS.Workbook();
  const blocks = unitBlocks('306');
  blocks[1].rows[0].accumulated = '30.00%'; // feb cortes: should be 27.89%
  const layout = addIndicatorSheet(wb, 'Altos consumos', blocks);
  addNotesSheet(wb);
  const feb = layout.blocks[1];
  return { wb: await roundTrip(wb), cell: { row: feb.dataRows[0], col: feb.columns.accumulated }, layout };
}

describe('applying a plan with ExcelJS', () => {
  test('a wrong accumulated figure is overwritten in place, same number format, old value in the note', async () => {
    const { wb, cell } = await workbookWithWrongFigures();
    const out = await runOnce(wb);
    const c = out.getWorksheet('Altos consumos')!.getCell(cell.row, cell.col);
    expect(c.value as number).toBeCloseTo((1324 / 700) * 0.0833 + (1020 / 700) * 0.0833, 10);
    expect(c.numFmt).toBe('0.00%');
    expect(String(c.note)).toContain('Valor anterior: 30.00%');
    expect(String(c.note)).toContain('27.89%');
    expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILL.error);
  });

  test('CUMPLIMIENTO % and SEMÁFORO are added at the right of each block, once, and a second run equals the first', async () => {
    const { wb, layout } = await workbookWithWrongFigures();
    const first = await runOnce(wb);
    const ws = first.getWorksheet('Altos consumos')!;
    for (const b of layout.blocks) {
      expect(ws.getCell(b.headerRows[0], b.lastCol + 1).value).toBe('CUMPLIMIENTO %');
      expect(ws.getCell(b.headerRows[0], b.lastCol + 2).value).toBe('SEMÁFORO');
    }
    const ene = layout.blocks[0];
    expect(ws.getCell(ene.dataRows[0], ene.lastCol + 1).value as number).toBeCloseTo(1324 / 700, 12);
    expect(ws.getCell(ene.dataRows[0], ene.lastCol + 2).value).toBe('ROJO');
    expect(ws.getCell(ene.dataRows[3], ene.lastCol + 2).value).toBe('VERDE');
    const second = await runOnce(await roundTrip(first));
    expect(cellStates(second)).toEqual(cellStates(first));
    expect(ws.getCell(ene.headerRows[0], ene.lastCol + 3).value).toBeNull();
  });

  test('without the journal, a second run reuses the existing CUMPLIMIENTO %/SEMÁFORO columns (no duplicates)', async () => {
    const { wb, layout } = await workbookWithWrongFigures();
    const first = await runOnce(wb);
    first.removeWorksheet(first.getWorksheet(JOURNAL_SHEET)!.id);
    const second = await runOnce(await roundTrip(first));
    const b = layout.blocks[0];
    const ws = second.getWorksheet('Altos consumos')!;
    expect(ws.getCell(b.headerRows[0], b.lastCol + 3).value).toBeNull();
    expect(ws.getCell(b.headerRows[0], b.lastCol + 4).value).toBeNull();
  });

  test('highlights are replaced, not stacked: a fixed cell loses its highlight on the next run', async () => {
    const { wb, cell } = await workbookWithWrongFigures();
    const first = await runOnce(wb);
    const ws1 = first.getWorksheet('Altos consumos')!;
    // the user fixes the frequency of a row to something wrong, then back: make a warning appear and disappear
    const freqCol = cell.col + 6; // FRECUENCIA DE MEDICION
    ws1.getCell(cell.row + 1, freqCol).value = 'TRIMESTRAL';
    const second = await runOnce(await roundTrip(first));
    const flagged = second.getWorksheet('Altos consumos')!.getCell(cell.row + 1, freqCol);
    expect((flagged.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILL.warning);
    flagged.value = 'MENSUAL';
    const third = await runOnce(await roundTrip(second));
    const clean = third.getWorksheet('Altos consumos')!.getCell(cell.row + 1, freqCol);
    expect(clean.fill).toEqual(wb.getWorksheet('Altos consumos')!.getCell(cell.row + 1, freqCol).fill);
    expect(clean.note).toBeUndefined();
  });

  test('a user formula is never replaced: a wrong formula is reported and left as it is', async () => {
    const { wb, cell } = await workbookWithWrongFigures();
    const ws = wb.getWorksheet('Altos consumos')!;
    const address = ws.getCell(cell.row, cell.col).address;
    ws.getCell(cell.row, cell.col).value = { formula: 'H10+0.1424', result: 0.3 } as ExcelJS.CellFormulaValue;
    const result = validateWorkbook({ snapshots: snapshotsOf(wb) });
    const f = result.sheets[0].findings.find((x) => x.cell === address && x.code === 'accumulated-mismatch')!;
    expect(f.message).toContain('=H10+0.1424');
    expect(result.plan.writes.some((w) => w.row === cell.row && w.col === cell.col)).toBe(false);
    const out = await runOnce(wb);
    expect(out.getWorksheet('Altos consumos')!.getCell(cell.row, cell.col).formula).toBe('H10+0.1424');
  });

  test('sheets that are not POA and every cell the plan does not name stay exactly as they were', async () => {
    const before = await roundTrip(await buildSampleWorkbook());
    const result = validateWorkbook({ snapshots: snapshotsOf(before) });
    const named = new Set([...result.plan.writes, ...result.plan.fills, ...result.plan.notes].map((c) => `${c.sheet}!${before.getWorksheet(c.sheet)!.getCell(c.row, c.col).address}`));
    const original = cellStates(before);
    const copy = await roundTrip(before);
    applyPlan(copy, result.plan);
    const after = cellStates(await roundTrip(copy));
    for (const [key, state] of original) if (!named.has(key)) expect([key, after.get(key)]).toEqual([key, state]);
    for (const key of after.keys()) if (!named.has(key)) expect(original.has(key)).toBe(true);
    expect(mergesOf(await roundTrip(copy))).toEqual({ ...mergesOf(before), [JOURNAL_SHEET]: [] });
    expect(named.size).toBeGreaterThan(100);
  });

  test('undo restores values, number formats, fills and notes exactly', async () => {
    const { wb } = await workbookWithWrongFigures();
    const ws = wb.getWorksheet('Altos consumos')!;
    ws.getCell('O10').note = 'nota del usuario';
    // (patchStyle: ExcelJS shares style objects between cells; assigning .fill would restyle the whole column)
    patchStyle(ws.getCell('O10'), { fill: { type: 'pattern', pattern: 'darkGray', fgColor: { argb: 'FF112233' }, bgColor: { argb: 'FF445566' } } });
    const original = cellStates(await roundTrip(wb));
    const validated = await runOnce(wb);
    expect(readJournal(validated).length).toBeGreaterThan(50);
    expect(cellStates(validated)).not.toEqual(original);
    const restoredCount = undoJournal(validated);
    expect(restoredCount).toBe(readJournal(await runOnce(await roundTrip(validated))).length);
    const restored = await roundTrip(validated);
    expect(restored.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
    expect(cellStates(restored)).toEqual(original);
  });

  test('undo keeps a value the user changed after the run (fill and note are still restored)', async () => {
    const { wb, cell } = await workbookWithWrongFigures();
    const validated = await runOnce(wb);
    const ws = validated.getWorksheet('Altos consumos')!;
    ws.getCell(cell.row, cell.col).value = 0.2789;
    undoJournal(validated);
    const c = ws.getCell(cell.row, cell.col);
    expect(c.value).toBe(0.2789);
    expect(c.note).toBeUndefined();
  });

  test('the journal sheet is very hidden and holds sheet text as data, never as formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const blocks = unitBlocks('305');
    blocks[2].rows[2].observations = '=HYPERLINK("http://example.invalid","x")';
    addIndicatorSheet(wb, '=Hoja', blocks);
    const out = await runOnce(await roundTrip(wb));
    const journal = out.getWorksheet(JOURNAL_SHEET)!;
    expect(journal.state).toBe('veryHidden');
    let formulas = 0;
    journal.eachRow((row) => row.eachCell((c) => { if (c.formula) formulas++; }));
    expect(formulas).toBe(0);
    expect(readJournal(out).every((e) => e.sheet === '=Hoja')).toBe(true);
  });
});
