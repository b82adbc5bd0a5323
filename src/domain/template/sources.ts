/** Which blocks of a validated workbook a template is built from, and the figures it carries forward. */
import type { ValidationResult } from '../engine';
import type { Block, IndicatorBlock, IndicatorRow, Layout, NumCell, Period, PeriodKind } from '../model';
import { asFraction } from '../checkNumbers';
import { comparePeriods, nextPeriod } from '../periods';
import { templatePeriodLabel } from './period';

/** A block of one unit with the period it reports (TMM-F004: the quarter of its cut-off). */
export interface UnitBlock {
  block: Block;
  period: Period;
}

/** A unidad responsable / ejecutora the templates can be made for. */
export interface TemplateUnit {
  key: string;
  name: string;
  layout: Layout;
  kind: PeriodKind;
  /** Latest period of the unit in the source sheets. */
  latest: Period;
  /** The default template period (the one after `latest`) and its label. */
  next: Period;
  nextLabel: string;
  blocks: UnitBlock[];
}

function blockPeriod(block: Block): Period | null {
  if (block.layout === 'indicators') return block.period;
  if (!block.cutoff || block.cutoffQuarter === null) return null;
  return { kind: 'quarter', year: block.cutoff.year, index: block.cutoffQuarter };
}

function blockUnits(block: Block): { key: string; name: string }[] {
  if (block.layout === 'programmatic') return block.unitKey ? [{ key: block.unitKey, name: block.unitName }] : [];
  const seen = new Map<string, string>();
  for (const r of block.rows) if (r.unitKey && !seen.has(r.unitKey)) seen.set(r.unitKey, r.unitName);
  return [...seen.entries()].map(([key, name]) => ({ key, name }));
}

/**
 * Units found in the source sheets (default: the sheets the validation targeted), grouped by layout and period
 * kind, in order of first appearance. Blocks without a period are listed in `undated`.
 */
export function templateUnits(result: ValidationResult, sheets?: string[]): { units: TemplateUnit[]; undated: string[] } {
  const wanted = new Set(sheets ?? result.sheets.map((s) => s.name));
  const groups = new Map<string, TemplateUnit>();
  const undated: string[] = [];
  for (const sheet of result.parsed) {
    if (!wanted.has(sheet.name)) continue;
    for (const block of sheet.blocks) {
      const period = blockPeriod(block);
      if (!period) {
        if (!undated.includes(sheet.name)) undated.push(sheet.name);
        continue;
      }
      for (const unit of blockUnits(block)) {
        const id = `${block.layout}|${period.kind}|${unit.key}`;
        let g = groups.get(id);
        if (!g) {
          g = { key: unit.key, name: unit.name, layout: block.layout, kind: period.kind, latest: period, next: period, nextLabel: '', blocks: [] };
          groups.set(id, g);
        }
        if (!g.name && unit.name) g.name = unit.name;
        g.blocks.push({ block, period });
        if (comparePeriods(period, g.latest) > 0) g.latest = period;
      }
    }
  }
  const units = [...groups.values()];
  for (const u of units) {
    u.next = nextPeriod(u.latest);
    u.nextLabel = templatePeriodLabel(u.next, u.layout === 'programmatic');
  }
  return { units, undated };
}

/** The unit's latest blocks before `target` (several when the unit reports that period in several blocks). */
export function sourceBlocks(unit: TemplateUnit, target: Period): UnitBlock[] {
  const earlier = unit.blocks.filter((b) => comparePeriods(b.period, target) < 0);
  if (!earlier.length) return [];
  const latest = earlier.reduce((best, b) => (comparePeriods(b.period, best.period) > 0 ? b : best)).period;
  return earlier.filter((b) => comparePeriods(b.period, latest) === 0);
}

export function unitRows(block: IndicatorBlock, unitKey: string): IndicatorRow[] {
  return block.rows.filter((r) => r.unitKey === unitKey);
}

/** A numeric cell's number (percent cells as fractions), or null. */
export function numberOf(cell: NumCell | null, percent = false): number | null {
  if (!cell || cell.value === null || (cell.kind !== 'number' && cell.kind !== 'text-number')) return null;
  return percent ? asFraction(cell, cell.value) : cell.value;
}

/**
 * The validated accumulated progress of a row: the engine's recomputed value (= its correction when it
 * corrected the cell), else a correction in the plan, else the printed value; null when there is none.
 */
export function validatedAccumulated(result: ValidationResult, sheet: string, row: IndicatorRow): number | null {
  const cell = row.accumulated;
  if (!cell) return null;
  const key = `${sheet}\u0000${cell.row}\u0000${cell.col}`;
  const { recomputed, written } = lookups(result);
  const figure = recomputed.get(key);
  if (figure !== undefined && figure !== null) return figure;
  const write = written.get(key);
  if (typeof write === 'number') return write;
  return numberOf(cell, true);
}

const LOOKUPS = new WeakMap<ValidationResult, { recomputed: Map<string, number | null>; written: Map<string, unknown> }>();

/** The engine's recomputed accumulated figures and the plan's writes, by cell (built once per result). */
function lookups(result: ValidationResult): { recomputed: Map<string, number | null>; written: Map<string, unknown> } {
  let l = LOOKUPS.get(result);
  if (!l) {
    const key = (c: { sheet: string; row: number; col: number }) => `${c.sheet}\u0000${c.row}\u0000${c.col}`;
    l = {
      recomputed: new Map((result.accumulated ?? []).map((f) => [key(f), f.value])),
      written: new Map(result.plan.writes.map((w) => [key(w), w.value])),
    };
    LOOKUPS.set(result, l);
  }
  return l;
}

