/**
 * Layout recognition from contents: the same seed data laid out in the variants real offices produce
 * gives the same findings (apart from number-as-text infos), never from fixed rows or columns.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/domain/findings';
import type { IndicatorBlock, ProgrammaticBlock } from '../../src/domain/model';
import { addIndicatorSheet, roundTrip, type IndicatorSheetOptions } from '../fixtures/buildWorkbook';
import { loadIndicatorSeed } from '../fixtures/seedIndicators';
import { allFindings, executingBlocks, indicatorWorkbook, programmaticWorkbook, unitBlocks, validate } from '../helpers/engine';

const signature = (f: Finding[]) =>
  f.filter((x) => x.code !== 'number-as-text').map((x) => `${x.code}|${x.severity}|${x.unit}|${x.expected ?? ''}|${x.actual ?? ''}`).sort();

async function findingsFor(opts: IndicatorSheetOptions, units = ['306', '305', '307', '315']) {
  const blocks = units.flatMap((u) => unitBlocks(u));
  const result = validate(await indicatorWorkbook(blocks, opts));
  return { result, findings: allFindings(result) };
}

describe('format A variants', () => {
  let baseline: string[];
  beforeAll(async () => {
    baseline = signature((await findingsFor({})).findings);
    expect(baseline.length).toBeGreaterThan(5);
  });

  test.each<[string, IndicatorSheetOptions]>([
    ['percentages as text ("8.33%")', { percentAsText: true }],
    ['periods as text ("ene-25")', { periodAsText: true }],
    ['a leading "No." column', { leadingNumberColumn: true }],
    ['header variants (LÍNEA DE ACCIÓN, UNIDAD DE MEDIDA, AVANCE % / META ANUAL)', { headerVariant: 'alt' }],
    ['a three-row header with a merged group row', { threeRowHeader: true }],
    ['units not merged (blank below the first row)', { mergeUnits: false }],
    ['blocks starting in column D, row 5', { startCol: 4, startRow: 5 }],
    ['numbers with thousands as numbers', { thousandsAsText: false }],
  ])('%s', async (_name, opts) => {
    const { result, findings } = await findingsFor(opts);
    expect(result.parsed[0].blocks).toHaveLength(8);
    expect(signature(findings)).toEqual(baseline);
  });

  test('several blocks per sheet and one block per sheet give the same findings', async () => {
    const blocks = unitBlocks('306');
    const one = validate(await indicatorWorkbook(blocks));
    const wb = new ExcelJS.Workbook();
    blocks.forEach((b, i) => addIndicatorSheet(wb, `Mes ${i + 1}`, [b]));
    const many = validate(await roundTrip(wb));
    expect(many.parsed.map((s) => s.blocks.length)).toEqual([1, 1, 1]);
    expect(signature(allFindings(many))).toEqual(signature(allFindings(one)));
  });

  test('period text forms: "PRIMER TRIMESTRE 2025", "2DO TRIM 2025", "feb-25" date cell', async () => {
    const q = unitBlocks('307');
    q[0].period = '2DO TRIM 2025';
    const r = validate(await indicatorWorkbook(q));
    expect((r.parsed[0].blocks[0] as IndicatorBlock).period).toEqual({ kind: 'quarter', year: 2025, index: 2 });
    const m = validate(await indicatorWorkbook(unitBlocks('305')));
    expect((m.parsed[0].blocks as IndicatorBlock[]).map((b) => b.period)).toEqual([
      { kind: 'month', year: 2025, index: 1 },
      { kind: 'month', year: 2025, index: 2 },
      { kind: 'month', year: 2025, index: 3 },
    ]);
  });

  test('the whole seed (18 blocks, 52 rows) is recognised', async () => {
    const result = validate(await indicatorWorkbook(loadIndicatorSeed()));
    const blocks = result.parsed[0].blocks as IndicatorBlock[];
    expect(blocks).toHaveLength(18);
    expect(blocks.reduce((n, b) => n + b.rows.length, 0)).toBe(52);
    const r307 = blocks.find((b) => b.rows[0].unitKey === '307')!.rows;
    expect(r307[1]).toMatchObject({ unitKey: '307', continuation: true, action: r307[0].action });
  });
});

describe('format B (TMM-F004) variants', () => {
  test('cut-off as text "FECHA: 31-mar.-24" or as a date cell gives 31-mar-2024, first quarter', async () => {
    for (const cutoffAsDate of [false, true]) {
      const result = validate(await programmaticWorkbook(executingBlocks('101'), { cutoffAsDate }));
      const b = result.parsed[0].blocks[0] as ProgrammaticBlock;
      expect(b.cutoff).toEqual({ year: 2024, month: 3, day: 31 });
      expect(b.cutoffQuarter).toBe(1);
      expect(b.unitKey).toBe('101');
      expect(b.rows).toHaveLength(4);
    }
  });

  test('"I/A" instead of "L/A", a stray text row, and the signature block', async () => {
    const result = validate(await programmaticWorkbook(executingBlocks('201')));
    const b = result.parsed[0].blocks[0] as ProgrammaticBlock;
    expect(b.rows).toHaveLength(7);
    expect(b.signatureRows.length).toBeGreaterThan(0);
    expect(b.columns.lineOfAction).toBe(1);
  });

  test('two blocks of the same unidad on one sheet (102)', async () => {
    const result = validate(await programmaticWorkbook(executingBlocks('102')));
    expect((result.parsed[0].blocks as ProgrammaticBlock[]).map((b) => b.rows.length)).toEqual([7, 3]);
  });
});

describe('hidden sheets', () => {
  test('a hidden earlier month is read for the previous period but not validated or changed', async () => {
    const blocks = unitBlocks('306');
    const wb = new ExcelJS.Workbook();
    addIndicatorSheet(wb, 'ene-25', [blocks[0]]);
    addIndicatorSheet(wb, 'feb-25', [blocks[1]]);
    wb.getWorksheet('ene-25')!.state = 'hidden';
    const result = validate(await roundTrip(wb));
    expect(result.sheets.map((s) => s.name)).toEqual(['feb-25']);
    expect(allFindings(result).filter((f) => f.code === 'no-previous-period')).toEqual([]);
    expect(result.plan.writes.some((w) => w.sheet === 'ene-25')).toBe(false);
  });
});
