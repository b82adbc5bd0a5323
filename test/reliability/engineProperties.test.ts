/**
 * Property-based tests (fast-check): whatever a sheet holds, the engine does not throw; a sheet it does
 * not recognise gets an empty plan; and a plan only ever names the cells it is allowed to touch.
 */
import fc from 'fast-check';
import { validateWorkbook } from '../../src/domain/engine';
import { cellAddress } from '../../src/domain/address';
import type { IndicatorBlock, ProgrammaticBlock } from '../../src/domain/model';
import type { CellValue, MergedArea, SheetSnapshot } from '../../src/domain/snapshot';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import { buildSampleWorkbook, roundTrip } from '../fixtures/buildWorkbook';

const LABELS = ['LINEA DE ACCION', 'META', 'VALOR ACTUAL', 'AVANCE ABSOLUTO', 'P', 'A', 'Ene-Mar', 'META ANUAL', 'CLAVE', 'NOMBRE', 'OBSERVACIONES', 'ACUMULADO RELATIVO', 'FECHA: 31-mar.-24', 'ene-25', 'PRIMER TRIMESTRE 2025', 'TOTAL: 1,000'];
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...LABELS),
  fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '8.33%', '257,124', '=SUM(A1:A3)', '', 'N/A'),
  fc.boolean(),
);
const format = fc.constantFrom('General', '0%', '0.00%', 'mmm-yy', '#,##0', '@', '[$-80A]d-mmm-yy', '0.00;[Red]-0.00');

const grid: fc.Arbitrary<RandomGrid> = fc.record({
  rows: fc.integer({ min: 0, max: 14 }),
  cols: fc.integer({ min: 0, max: 18 }),
  seed: fc.array(fc.tuple(cellValue, format, fc.boolean()), { minLength: 1, maxLength: 300 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 19 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 })), { maxLength: 8 }),
  originRow: fc.integer({ min: 1, max: 4 }),
  originCol: fc.integer({ min: 1, max: 4 }),
});

interface RandomGrid {
  rows: number;
  cols: number;
  seed: [CellValue, string, boolean][];
  merges: [number, number, number, number][];
  originRow: number;
  originCol: number;
}

function toSnapshot(name: string, g: RandomGrid): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const formulas: (string | null)[][] = [];
  let k = 0;
  for (let r = 0; r < g.rows; r++) {
    values.push([]);
    numberFormats.push([]);
    formulas.push([]);
    for (let c = 0; c < g.cols; c++) {
      const [v, f, isFormula] = g.seed[k++ % g.seed.length];
      values[r].push(v);
      numberFormats[r].push(f);
      formulas[r].push(isFormula ? '=A1*2' : null);
    }
  }
  const merges: MergedArea[] = g.merges.map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
  return { name, originRow: g.originRow, originCol: g.originCol, values, numberFormats, formulas, merges };
}

describe('engine properties', () => {
  test('random grids of values, formats and merges never make the engine throw; unrecognised sheets get an empty plan', () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), (grids) => {
        const snapshots = grids.map((g, i) => toSnapshot(`Hoja ${i + 1}`, g));
        const result = validateWorkbook({ snapshots });
        for (const sheet of result.parsed) {
          if (sheet.blocks.length) continue;
          const touched = [...result.plan.writes, ...result.plan.fills, ...result.plan.notes].filter((c) => c.sheet === sheet.name);
          expect(touched).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  let sample: SheetSnapshot[];
  beforeAll(async () => {
    sample = snapshotsOf(await roundTrip(await buildSampleWorkbook()));
  });

  test('real POA sheets with random cells mutated: no throw, and the plan names only allowed cells', () => {
    const mutation = fc.record({ sheet: fc.nat(), row: fc.nat(), col: fc.nat(), value: cellValue, format });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 25 }), (mutations) => {
        const snapshots: SheetSnapshot[] = structuredClone(sample);
        for (const m of mutations) {
          const s = snapshots[m.sheet % snapshots.length];
          const row = s.values[m.row % s.values.length];
          if (!row || !row.length) continue;
          row[m.col % row.length] = m.value;
          s.numberFormats[m.row % s.values.length][m.col % row.length] = m.format;
        }
        const result = validateWorkbook({ snapshots });
        expectPlanWithinBounds(result);
      }),
      { numRuns: 60 },
    );
  });
});

/** Writes: computed cells, the CUMPLIMIENTO/SEMÁFORO columns and their headers. Fills: finding or semáforo cells. Notes: finding cells. */
function expectPlanWithinBounds(result: ReturnType<typeof validateWorkbook>): void {
  const key = (s: string, r: number, c: number) => `${s}!${r}!${c}`;
  const computed = new Set<string>();
  const added = new Set<string>();
  for (const sheet of result.parsed) {
    for (const b of sheet.blocks) {
      const compCol = b.columns.compliance ?? b.lastCol + 1;
      const semCol = b.columns.semaforo ?? compCol + 1;
      added.add(key(sheet.name, b.headerTop, compCol));
      added.add(key(sheet.name, b.headerTop, semCol));
      for (const r of b.rows as (IndicatorBlock['rows'][number] | ProgrammaticBlock['rows'][number])[]) {
        added.add(key(sheet.name, r.row, compCol));
        added.add(key(sheet.name, r.row, semCol));
        const cells = 'accumulated' in r ? [r.accumulated, r.absolute] : [r.absolute, r.relative];
        for (const c of cells) if (c) computed.add(key(sheet.name, c.row, c.col));
      }
    }
  }
  const findingCells = new Set<string>();
  for (const s of result.sheets) for (const f of s.findings) if (f.cell) findingCells.add(`${s.name}!${f.cell}`);
  const a1 = (sheet: string, row: number, col: number) => `${sheet}!${cellAddress(row, col)}`;
  for (const w of result.plan.writes) expect(computed.has(key(w.sheet, w.row, w.col)) || added.has(key(w.sheet, w.row, w.col))).toBe(true);
  for (const f of result.plan.fills) expect(findingCells.has(a1(f.sheet, f.row, f.col)) || added.has(key(f.sheet, f.row, f.col))).toBe(true);
  for (const n of result.plan.notes) expect(findingCells.has(a1(n.sheet, n.row, n.col))).toBe(true);
}
