/**
 * Every worked figure of POA-FORMATS.md, reproduced by the engine on workbooks built from the seeds.
 * The printed accumulated figures are blanked so the engine must compute them (it writes them in place).
 */
import type { IndicatorBlock, ProgrammaticBlock } from '../../src/domain/model';
import { buildSampleWorkbook, roundTrip } from '../fixtures/buildWorkbook';
import { findingsOf, indicatorWorkbook, programmaticWorkbook, unitBlocks, executingBlocks, validate, allFindings } from '../helpers/engine';
import { cellAddress } from '../../src/domain/address';

async function recomputed(unit: string): Promise<{ name: string; values: number[] }[]> {
  const blocks = unitBlocks(unit);
  for (const b of blocks) for (const r of b.rows) r.accumulated = '';
  const wb = await indicatorWorkbook(blocks);
  const result = validate(wb);
  const series = new Map<string, number[]>();
  for (const block of result.parsed[0].blocks as IndicatorBlock[]) {
    for (const row of block.rows) {
      const w = result.plan.writes.find((x) => x.row === row.accumulated!.row && x.col === row.accumulated!.col);
      expect(w).toBeDefined();
      const list = series.get(row.indicatorName) ?? [];
      list.push(w!.value as number);
      series.set(row.indicatorName, list);
    }
  }
  return [...series.entries()].map(([name, values]) => ({ name, values }));
}

/** Printed with two decimals, as the office prints them. */
const printed = (fraction: number) => Number((fraction * 100 + 1e-9).toFixed(2));

describe('accumulated progress, format A (monthly, weight 8.33% as written)', () => {
  test.each([
    ['306', 'SUSPENSIÓN', [15.76, 27.89, 41.66]],
    ['306', 'RECONEXION', [16.66, 27.91, 40.61]],
    ['306', 'INSPECCION', [3.17, 10.25, 19.83]],
    ['309', 'CONVENIOS', [15.33, 28.32, 53.31]],
    ['309', 'CORTES', [0.85, 1.27, 2.81]],
    ['305', 'CONTRATOS NUEVOS', [7.72, 14.88, 26.99]],
  ])('unit %s %s: ene, feb, mar = %j', async (unit, name, figures) => {
    const series = (await recomputed(unit)).find((s) => s.name.startsWith(name))!;
    expect(series.values.map(printed)).toEqual(figures);
  });
});

describe('accumulated progress, format A (quarterly, weight 25%)', () => {
  test.each([
    ['307', 'INSTALACION DE MEDIDORES', (1785 / 600) * 0.25, 74.38],
    ['304', 'CORTES', (75736 / 60000) * 0.25, 31.55],
    ['308', 'SOLUCIONES', (13215 / 10000) * 0.25, 33],
  ])('unit %s %s', async (unit, name, exact, shown) => {
    const series = (await recomputed(unit)).find((s) => s.name.startsWith(name))!;
    expect(series.values[0]).toBeCloseTo(exact, 12);
    // the printed figure is within the tolerance (0.02 pp) or half a unit of the shown precision
    expect(Math.abs(series.values[0] * 100 - shown)).toBeLessThanOrEqual(shown % 1 === 0 ? 0.5 : 0.02);
  });

  test('304: 75736 / 60000 × 25 = 31.5567 and the printed 31.55% is accepted (truncated, within 0.02 pp)', async () => {
    const result = validate(await indicatorWorkbook(unitBlocks('304')));
    expect(findingsOf(result, 'accumulated-mismatch')).toEqual([]);
  });
});

describe('the printed seed figures are accepted as they are', () => {
  test('no accumulated, absolute or relative mismatch anywhere in the sample workbook', async () => {
    const result = validate(await roundTrip(await buildSampleWorkbook()));
    const wrong = allFindings(result).filter((f) => ['accumulated-mismatch', 'absolute-progress-mismatch', 'accumulated-decrease', 'programmed-sum-mismatch'].includes(f.code));
    expect(wrong).toEqual([]);
    expect(result.plan.writes.filter((w) => typeof w.value === 'number' && w.numberFormat !== '0.00%')).toEqual([]);
  });
});

describe('format B (TMM-F004): ΣP, AVANCE ABSOLUTO, ACUMULADO RELATIVO and compliance', () => {
  async function relativeOf(unit: string): Promise<Map<string, { relative: number; compliance: number | null }>> {
    const blocks = executingBlocks(unit);
    for (const b of blocks) for (const r of b.rows) if (r.kind === 'data') r.relative = '';
    const wb = await programmaticWorkbook(blocks);
    const result = validate(wb);
    const out = new Map<string, { relative: number; compliance: number | null }>();
    for (const block of result.parsed[0].blocks as ProgrammaticBlock[]) {
      for (const row of block.rows) {
        const w = result.plan.writes.find((x) => x.row === row.relative!.row && x.col === row.relative!.col)!;
        const ccol = block.lastCol + 1;
        const c = result.plan.writes.find((x) => x.row === row.row && x.col === ccol)!;
        out.set(row.description.slice(0, 3), { relative: w.value as number, compliance: c.value as number | null });
      }
    }
    return out;
  }

  test('101: 6/26 = 23% (shown 0%, 23.08%); 103: 3/8 = 37.5%', async () => {
    const r = await relativeOf('101');
    expect(r.get('101')!.relative).toBeCloseTo(6 / 26, 12);
    expect(r.get('103')!.relative).toBeCloseTo(3 / 8, 12);
  });

  test('201: 303 2011/8000 = 25%, 304 1277/3538 = 36%; compliance 304 1277/885 = 144%, 306 0/1 = 0%', async () => {
    const r = await relativeOf('201');
    expect(r.get('303')!.relative).toBeCloseTo(2011 / 8000, 12);
    expect(r.get('304')!.relative).toBeCloseTo(1277 / 3538, 12);
    expect(r.get('304')!.compliance).toBeCloseTo(1277 / 885, 12);
    expect(Math.round(r.get('304')!.compliance! * 100)).toBe(144);
    expect(r.get('306')!.compliance).toBe(0);
  });

  test('P adds up to META ANUAL: 101 6+7+6+7 = 26, 303 2010×3 + 1970 = 8000 (no finding)', async () => {
    const result = validate(await programmaticWorkbook([...executingBlocks('101'), ...executingBlocks('201')]));
    expect(findingsOf(result, 'programmed-sum-mismatch')).toEqual([]);
  });

  test('the justified rows of 201 (304 at 144%, 306 at 0%) raise no warning and no error', async () => {
    const result = validate(await programmaticWorkbook(executingBlocks('201')));
    const block = result.parsed[0].blocks[0] as ProgrammaticBlock;
    const rows = block.rows.filter((r) => /^30[46]/.test(r.description)).map((r) => r.row);
    const noisy = allFindings(result).filter((f) => f.row !== null && rows.includes(f.row) && f.severity !== 'info');
    expect(noisy).toEqual([]);
    expect(rows.map((r) => cellAddress(r, 1))).toHaveLength(2);
  });
});
