import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../src/domain/engine';
import { IND } from '../../src/domain/template/indicatorTemplate';
import { PRG, achieved, planned } from '../../src/domain/template/programmaticTemplate';
import { INPUT_FILL } from '../../src/domain/template/style';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import { writeTemplates } from '../../src/xlsx/writeTemplates';
import { buildTemplates } from '../../src/domain/template';
import { buildSampleWorkbook, roundTrip } from '../fixtures/buildWorkbook';
import { cellStates } from '../helpers/cells';
import { addTemplates, fillTemplates, readValue, sheetOf, type WithTemplates } from './helpers';

const NAMES = [
  'abr-25 319', 'mar-25 303', 'abr-25 306', 'T2-25 308', 'abr-25 309', 'T2-25 304', 'abr-25 305', 'T2-25 307', 'T2-25 315',
  'T2-24 101', 'T2-24 102', 'T2-24 201', 'T2-24 202',
];

let sample: WithTemplates;
let original: ExcelJS.Workbook;
beforeAll(async () => {
  original = await roundTrip(await buildSampleWorkbook());
  sample = await addTemplates(await buildSampleWorkbook());
});

test('one sheet per unidad of the seed workbook, for its next period, after the existing sheets; the first is active', () => {
  expect(sample.plan.sheets.map((s) => s.name)).toEqual(NAMES);
  expect(sample.plan.notices).toEqual([]);
  const names = sample.wb.worksheets.map((w) => w.name);
  expect(names.slice(-NAMES.length)).toEqual(NAMES);
  expect(sample.wb.views[0].activeTab).toBe(names.indexOf(NAMES[0]));
  expect(cellStates(sample.wb, NAMES)).toEqual(cellStates(original));
});

test('a sheet selected in the source is deselected, so Excel opens on the first template alone', async () => {
  const wb = await buildSampleWorkbook();
  wb.worksheets[0].views = [{ state: 'normal', tabSelected: true } as unknown as ExcelJS.WorksheetView];
  const result = validateWorkbook({ snapshots: snapshotsOf(wb) });
  await writeTemplates(wb, buildTemplates(result, { existingNames: wb.worksheets.map((w) => w.name) }));
  const selected = wb.worksheets.filter((w) => (w.views ?? []).some((v) => (v as { tabSelected?: boolean }).tabSelected)).map((w) => w.name);
  expect(selected).toEqual([NAMES[0]]);
});

test('format A: titles, context, period cell, two-row header and the unit\'s rows copied', () => {
  const ws = sample.wb.getWorksheet('abr-25 306')!;
  expect(readValue(ws, 1, 1)).toBe('PROGRAMA OPERATIVO ANUAL 2025');
  expect(readValue(ws, 2, 1)).toBe('GERENCIA COMERCIAL');
  expect(ws.getCell(3, 1).numFmt).toBe('mmm-yy');
  expect(readValue(ws, 3, 1)).toEqual(new Date(Date.UTC(2025, 3, 1)));
  expect(String(readValue(ws, 4, 1))).toMatch(/^PILAR DE DESARROLLO/);
  expect(String(readValue(ws, 7, 1))).toMatch(/^EJE TRANSVERSAL/);
  expect([8, 9].map((r) => [IND.actual, IND.compliance, IND.semaforo].map((c) => readValue(ws, r, c)))).toEqual([
    ['INDICADOR DE DESEMPEÑO', 'CUMPLIMIENTO %', 'SEMÁFORO'], ['VALOR ACTUAL', 'CUMPLIMIENTO %', 'SEMÁFORO'],
  ]);
  expect(ws.getCell(9, IND.compliance).master.address).toBe('Q8');
  const source = original.getWorksheet('306 Altos consumos')!;
  // The seed's mar-25 block: rows 42..46 of the source sheet.
  for (let i = 0; i < 5; i++) {
    for (const col of [IND.indicatorName, IND.description, IND.measureUnit, IND.frequency, IND.comments, IND.action]) {
      if (readValue(source, 42 + i, col) !== null) expect(readValue(ws, 10 + i, col)).toBe(readValue(source, 42 + i, col));
    }
    expect(readValue(ws, 10 + i, IND.target)).toBe(Number(String(readValue(source, 42 + i, IND.target)).replace(/,/g, '')));
    expect(readValue(ws, 10 + i, IND.absolute)).toBe(0.0833);
    expect(readValue(ws, 10 + i, IND.actual)).toBeNull();
  }
  expect(readValue(ws, 10, IND.unitKey)).toBe(306);
  expect(ws.getCell(10, IND.accumulated).formula).toBe('IF(AND(ISNUMBER(O10),ISNUMBER(L10),ISNUMBER(G10)),IF(L10>0,0.416619+O10/L10*G10,0.416619),0.416619)');
  expect(ws.getCell(10, IND.compliance).formula).toBe('IF(AND(ISNUMBER(O10),ISNUMBER(L10)),IF(L10>0,O10/L10,""),"")');
  expect(ws.getCell(10, IND.semaforo).formula).toBe(
    'IF(ISNUMBER(Q10),IF(AND(ROUND(Q10*100,6)>=90,ROUND(Q10*100,6)<=110),"VERDE",IF(AND(ROUND(Q10*100,6)>=80,ROUND(Q10*100,6)<=120),"AMARILLO","ROJO")),"")',
  );
});

test('the carried accumulated is the engine\'s validated one (308: 33.0375%, printed 33%)', () => {
  const s = sheetOf(sample.plan, 'T2-25 308');
  const carried = s.cells.filter((c) => c.col === IND.accumulated && c.formula).map((c) => c.result);
  expect(carried).toEqual([0.330375, 0.47875]);
});

test('inputs: unlocked, tinted, a number ≥ 0; frozen under the header; landscape, one page wide, header repeated', () => {
  const ws = sample.wb.getWorksheet('abr-25 306')!;
  for (const col of [IND.actual, IND.observations]) {
    const cell = ws.getCell(12, col);
    expect(cell.protection?.locked).toBe(false);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(INPUT_FILL);
  }
  expect(ws.getCell(12, IND.target).protection?.locked).not.toBe(false);
  expect(ws.getCell(12, IND.actual).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true });
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '8:9' });
  const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
  expect(cf.map((c) => [c.ref, c.rules.length])).toEqual([['Q10:Q14', 3], ['R10:R14', 3]]);
});

test('format B: new cut-off, P carried, A of earlier quarters carried, A of the new quarter to capture, signatures', () => {
  const ws = sample.wb.getWorksheet('T2-24 101')!;
  const texts = new Set<unknown>();
  ws.eachRow((row) => row.eachCell((c) => { texts.add(readValue(ws, Number(c.row), Number(c.col))); }));
  expect(texts).toContain('FECHA: 30-jun.-24');
  expect(texts).toContain('UNIDAD EJECUTORA');
  for (const t of ['ELABORÓ', 'REVISÓ', 'AUTORIZÓ', 'LIC. MARTHA AMALIA DURÁN IBARRA']) expect(texts).toContain(t);
  const row = sheetOf(sample.plan, 'T2-24 101').dataValidations[0].range.top + 1; // 101.- SEGUIMIENTO AL GASTO… 26 = 6+7+6+7
  expect([1, 2, 3, 4].map((q) => readValue(ws, row, planned(q)))).toEqual([6, 7, 6, 7]);
  expect([1, 2, 3, 4].map((q) => readValue(ws, row, achieved(q)))).toEqual([6, null, null, null]);
  expect(ws.getCell(row, achieved(2)).protection?.locked).toBe(false);
  expect(ws.getCell(row, achieved(3)).protection?.locked).not.toBe(false);
  expect(ws.getCell(row, PRG.absolute).formula).toBe(`SUM(F${row},H${row})`);
  expect(ws.getCell(row, PRG.relative).formula).toBe(`IF(AND(ISNUMBER(M${row}),ISNUMBER(D${row})),IF(D${row}>0,M${row}/D${row},""),"")`);
  expect(ws.getCell(row, PRG.compliance).formula).toBe(`IF(AND(ISNUMBER(H${row}),ISNUMBER(G${row})),IF(G${row}>0,H${row}/G${row},""),"")`);
});

test('the engine reads the blank templates as POA sheets of the new period with no error', () => {
  const result = validateWorkbook({ snapshots: snapshotsOf(sample.wb), targetSheets: NAMES });
  const Q2 = 'SEGUNDO TRIMESTRE 2025';
  expect(result.sheets.map((s) => s.period)).toEqual([
    'abr-25', 'mar-25', 'abr-25', Q2, 'abr-25', Q2, 'abr-25', Q2, Q2, '30-jun.-24', '30-jun.-24', '30-jun.-24', '30-jun.-24',
  ]);
  expect(result.sheets.flatMap((s) => s.findings).filter((f) => f.severity === 'error')).toEqual([]);
});

test('filled (values computed as a spreadsheet would), `poa validar` finds no error and agrees with the figures', async () => {
  const wb = await roundTrip(sample.wb);
  const expected = fillTemplates(wb, sample.plan);
  for (const e of expected) {
    const ws = wb.getWorksheet(e.sheet)!;
    const set = (col: number, value: number | string | null | undefined) => {
      const cell = ws.getCell(e.row, col);
      cell.value = { formula: cell.formula, result: value ?? '' } as ExcelJS.CellFormulaValue;
    };
    if (e.accumulated !== undefined) {
      set(IND.accumulated, e.accumulated);
      set(IND.compliance, e.compliance);
      set(IND.semaforo, e.semaforo);
    } else {
      set(PRG.absolute, e.absolute);
      set(PRG.relative, e.relative);
      set(PRG.compliance, e.compliance);
      set(PRG.semaforo, e.semaforo);
    }
  }
  const result = validateWorkbook({ snapshots: snapshotsOf(await roundTrip(wb)), targetSheets: NAMES });
  expect(result.sheets.flatMap((s) => s.findings).filter((f) => f.severity === 'error')).toEqual([]);
  for (const e of expected) {
    const col = e.accumulated !== undefined ? IND.compliance : PRG.compliance;
    const write = result.plan.writes.find((w) => w.sheet === e.sheet && w.row === e.row && w.col === col);
    expect(write?.value ?? null).toBe(e.compliance);
    if (e.accumulated !== undefined) {
      const figure = result.accumulated!.find((f) => f.sheet === e.sheet && f.row === e.row)!;
      expect(figure.value).toBeCloseTo(e.accumulated, 9);
    }
  }
});

test('only the units asked for, and optional protection with the inputs unlocked', async () => {
  const { wb, plan } = await addTemplates(await buildSampleWorkbook(), { units: ['306', '101'], protect: true });
  expect(plan.sheets.map((s) => s.name)).toEqual(['abr-25 306', 'T2-24 101']);
  const ws = wb.getWorksheet('abr-25 306')!;
  expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  expect(ws.getCell(10, IND.actual).protection?.locked).toBe(false);
});
