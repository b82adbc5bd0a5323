import ExcelJS from 'exceljs';
import type { Period } from '../../src/domain/model';
import { formatDateEs, nextPeriod, periodLabel } from '../../src/domain/periods';
import { cutoffOf, parsePeriodChoice, resolveChoice, sheetPeriodLabel } from '../../src/domain/template';
import { IND } from '../../src/domain/template/indicatorTemplate';
import { PRG, achieved, planned } from '../../src/domain/template/programmaticTemplate';
import { validateWorkbook } from '../../src/domain/engine';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import { addIndicatorSheet, addProgrammaticSheet } from '../fixtures/buildWorkbook';
import { executingBlocks, unitBlocks } from '../helpers/engine';
import { addTemplates, readValue } from './helpers';

const month = (year: number, index: number): Period => ({ kind: 'month', year, index });
const quarter = (year: number, index: number): Period => ({ kind: 'quarter', year, index });

describe('next period', () => {
  test('months: ene-25 -> feb-25 … nov-25 -> dic-25, dic-25 -> ene-26', () => {
    const labels: string[] = [];
    let p = month(2025, 1);
    for (let i = 0; i < 13; i++) {
      labels.push(periodLabel(p));
      p = nextPeriod(p);
    }
    expect(labels).toEqual(['ene-25', 'feb-25', 'mar-25', 'abr-25', 'may-25', 'jun-25', 'jul-25', 'ago-25', 'sep-25', 'oct-25', 'nov-25', 'dic-25', 'ene-26']);
  });

  test('quarters: PRIMER … CUARTO TRIMESTRE 2025 -> PRIMER TRIMESTRE 2026', () => {
    expect(periodLabel(nextPeriod(quarter(2025, 1)))).toBe('SEGUNDO TRIMESTRE 2025');
    expect(periodLabel(nextPeriod(quarter(2025, 3)))).toBe('CUARTO TRIMESTRE 2025');
    expect(periodLabel(nextPeriod(quarter(2025, 4)))).toBe('PRIMER TRIMESTRE 2026');
  });

  test('TMM-F004 cut-off moves to the next quarter end: 31-mar.-24 -> 30-jun.-24 … 31-dic.-24 -> 31-mar.-25', () => {
    const cutoffs = [1, 2, 3, 4].map((q) => formatDateEs(cutoffOf(nextPeriod(quarter(2024, q)))));
    expect(cutoffs).toEqual(['30-jun.-24', '30-sep.-24', '31-dic.-24', '31-mar.-25']);
  });

  test('sheet-name labels: months as printed, quarters T<n>-<yy>', () => {
    expect(sheetPeriodLabel(month(2025, 7))).toBe('jul-25');
    expect(sheetPeriodLabel(quarter(2026, 1))).toBe('T1-26');
  });
});

describe('choosing the period', () => {
  test.each([
    ['feb-25', { kind: 'period', period: month(2025, 2) }],
    ['Febrero 2025', { kind: 'period', period: month(2025, 2) }],
    ['SEGUNDO TRIMESTRE 2025', { kind: 'period', period: quarter(2025, 2) }],
    ['2do trimestre 2025', { kind: 'period', period: quarter(2025, 2) }],
    ['30-jun.-24', { kind: 'date', date: { year: 2024, month: 6, day: 30 } }],
    ['FECHA: 31-dic.-24', { kind: 'date', date: { year: 2024, month: 12, day: 31 } }],
    ['31/03/2025', { kind: 'date', date: { year: 2025, month: 3, day: 31 } }],
  ])('%s', (text, expected) => {
    expect(parsePeriodChoice(text)).toEqual(expected);
  });

  test.each(['', 'mañana', 'SEGUNDO TRIMESTRE', '31-feb.-25', '2025'])('"%s" is not a period', (text) => {
    expect(parsePeriodChoice(text)).toBeNull();
  });

  test('a date gives the month or the quarter it falls in; a period of the other kind gives nothing', () => {
    const date = parsePeriodChoice('30-jun.-24')!;
    expect(resolveChoice(date, 'month')).toEqual(month(2024, 6));
    expect(resolveChoice(date, 'quarter')).toEqual(quarter(2024, 2));
    expect(resolveChoice(parsePeriodChoice('feb-25')!, 'quarter')).toBeNull();
    expect(resolveChoice(parsePeriodChoice('PRIMER TRIMESTRE 2026')!, 'month')).toBeNull();
  });
});

function relabel<T extends { titles: [string, string]; period: string }>(blocks: T[], periods: string[]): T[] {
  return blocks.map((b, i) => ({ ...b, period: periods[i] }));
}

describe('year roll-over in templates', () => {
  test('dic-25 -> ene-26: accumulated starts at zero, the title year moves, the user is told', async () => {
    const wb = new ExcelJS.Workbook();
    addIndicatorSheet(wb, '306', relabel(unitBlocks('306'), ['oct-25', 'nov-25', 'dic-25']));
    const { wb: out, plan } = await addTemplates(wb);
    expect(plan.sheets.map((s) => s.name)).toEqual(['ene-26 306']);
    expect(plan.notices.join('\n')).toMatch(/ene-26 inicia un nuevo año del POA.*empieza en cero/);
    const sheet = plan.sheets[0];
    const acc = sheet.cells.filter((c) => c.col === IND.accumulated && c.formula);
    expect(acc.length).toBe(5);
    for (const c of acc) expect(c.formula).toBe(`=IF(AND(ISNUMBER(O${c.row}),ISNUMBER(L${c.row}),ISNUMBER(G${c.row})),IF(L${c.row}>0,O${c.row}/L${c.row}*G${c.row},0),0)`);
    expect(sheet.cells.some((c) => c.value === 'PROGRAMA OPERATIVO ANUAL 2026')).toBe(true);
    const report = validateWorkbook({ snapshots: snapshotsOf(out), targetSheets: ['ene-26 306'] });
    expect(report.sheets[0].period).toBe('ene-26');
  });

  test('CUARTO TRIMESTRE 2025 -> PRIMER TRIMESTRE 2026', async () => {
    const wb = new ExcelJS.Workbook();
    addIndicatorSheet(wb, '304', relabel(unitBlocks('304'), ['CUARTO TRIMESTRE 2025']));
    const { wb: out, plan } = await addTemplates(wb);
    expect(plan.sheets.map((s) => [s.name, s.periodLabel])).toEqual([['T1-26 304', 'PRIMER TRIMESTRE 2026']]);
    expect(plan.notices).toHaveLength(1);
    const ws = out.getWorksheet('T1-26 304')!;
    expect(readValue(ws, 3, 1)).toBe('PRIMER TRIMESTRE 2026');
    expect(plan.sheets[0].cells.filter((c) => c.col === IND.accumulated && c.formula).every((c) => c.formula!.endsWith(',0),0)'))).toBe(true);
  });

  test('TMM-F004 31-dic.-24 -> 31-mar.-25: P carried, every A blank, the first quarter to capture', async () => {
    const blocks = executingBlocks('101').map((b) => ({ ...b, cutoffText: 'FECHA: 31-dic.-24', cutoffDate: '2024-12-31' }));
    const wb = new ExcelJS.Workbook();
    addProgrammaticSheet(wb, 'TMM-F004 101', blocks);
    const { wb: out, plan } = await addTemplates(wb);
    expect(plan.sheets.map((s) => [s.name, s.periodLabel])).toEqual([['T1-25 101', '31-mar.-25']]);
    expect(plan.notices.join('\n')).toMatch(/31-mar\.-25 inicia un nuevo año/);
    const sheet = plan.sheets[0];
    expect(sheet.cells.some((c) => c.value === 'FECHA: 31-mar.-25')).toBe(true);
    expect(sheet.cells.some((c) => c.value === 'PROGRAMA OPERATIVO ANUAL 2025')).toBe(true);
    const ws = out.getWorksheet('T1-25 101')!;
    const first = sheet.dataValidations[0].range.top;
    expect([1, 2, 3, 4].map((q) => readValue(ws, first + 1, planned(q)))).toEqual([6, 7, 6, 7]);
    expect([1, 2, 3, 4].map((q) => readValue(ws, first + 1, achieved(q)))).toEqual([null, null, null, null]);
    expect(sheet.dataValidations[0].range.left).toBe(achieved(1));
    expect(ws.getCell(first + 1, PRG.absolute).formula).toBe(`SUM(F${first + 1})`);
  });

  test('a chosen period: later in the year carries the last accumulated; the other kind is refused with a notice', async () => {
    const wb = new ExcelJS.Workbook();
    addIndicatorSheet(wb, '306', unitBlocks('306'));
    addIndicatorSheet(wb, '304', unitBlocks('304'));
    const { plan } = await addTemplates(wb, { period: parsePeriodChoice('jun-25') });
    expect(plan.sheets.map((s) => s.name)).toEqual(['jun-25 306']);
    expect(plan.notices.join('\n')).toMatch(/faltan periodos intermedios/);
    expect(plan.notices.join('\n')).toMatch(/Unidad 304: el periodo jun-25 no corresponde a su reporte trimestral/);
    const first = plan.sheets[0].cells.find((c) => c.col === IND.accumulated && c.formula)!;
    expect(first.result).toBeCloseTo((1324 + 1020 + 1157) / 700 * 0.0833, 9);
  });
});
