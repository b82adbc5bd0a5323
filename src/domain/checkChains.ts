import type { RunContext } from './context';
import type { IndicatorEntry } from './checkIndicators';
import { previousText } from './checkNumbers';
import { displayHalfUnitPp } from './numbers';
import { periodLabel } from './periods';
import { fold } from './text';
import { msg } from '../i18n/es-MX';

/**
 * Chains of an indicator across periods, keyed by year, period kind, unit and indicator (name, else action);
 * the same indicator twice in one block makes a second chain (#2).
 */
function chainKeys(entries: IndicatorEntry[]): Map<string, IndicatorEntry[]> {
  const chains = new Map<string, IndicatorEntry[]>();
  let block: IndicatorEntry['block'] | null = null;
  let seenInBlock = new Map<string, number>();
  for (const e of entries) {
    const p = e.block.period;
    if (!p) continue;
    if (e.block !== block) {
      block = e.block;
      seenInBlock = new Map();
    }
    const name = fold(e.row.indicatorName) || fold(e.row.action) || `#${e.row.row}`;
    const base = `${p.year}|${p.kind}|${e.row.unitKey}|${name}`;
    const n = (seenInBlock.get(base) ?? 0) + 1;
    seenInBlock.set(base, n);
    const key = n > 1 ? `${base}#${n}` : base;
    const list = chains.get(key);
    if (list) list.push(e);
    else chains.set(key, [e]);
  }
  return chains;
}

/**
 * Accumulated progress along each chain: previous period's accumulated (as recomputed) + this period's
 * increment. January and the first quarter start from zero. A period whose previous period is not in the
 * workbook is checked only against its own increment, and said so.
 */
export function checkAccumulatedChains(ctx: RunContext, entries: IndicatorEntry[]): void {
  for (const chain of chainKeys(entries).values()) {
    const byIndex = new Map<number, IndicatorEntry>();
    for (const e of chain) if (!byIndex.has(e.block.period!.index)) byIndex.set(e.block.period!.index, e);
    const recomputed = new Map<IndicatorEntry, number | null>();
    const sorted = [...chain].sort((a, b) => a.block.period!.index - b.block.period!.index);
    for (const e of sorted) {
      const period = e.block.period!;
      const prev = period.index > 1 ? byIndex.get(period.index - 1) ?? null : null;
      let base: number | null = null;
      let prevLabel: string | null = null;
      if (period.index === 1) base = 0;
      else if (prev) {
        base = recomputed.get(prev) ?? prev.printed;
        prevLabel = periodLabel(prev.block.period!);
      }
      const expected = base !== null && e.increment !== null ? base + e.increment : null;
      recomputed.set(e, expected);
      if (e.row.accumulated) ctx.accumulated.push({ sheet: e.block.sheet, row: e.row.accumulated.row, col: e.row.accumulated.col, value: expected });
      checkEntry(ctx, e, base, expected, prev, prevLabel);
      if (prev) checkTargetChanged(ctx, e, prev);
    }
    checkSeriesOutliers(ctx, sorted);
  }
}

function checkEntry(ctx: RunContext, e: IndicatorEntry, base: number | null, expected: number | null, prev: IndicatorEntry | null, prevLabel: string | null): void {
  const cell = e.row.accumulated;
  if (!cell) return;
  const sheet = e.block.sheet;
  const unit = e.row.unitKey;
  const allowed = ctx.allowedPp(displayHalfUnitPp(cell)) / 100;
  const period = e.block.period!;
  const formulaNote = cell.formula ? ` ${msg.formulaKept(cell.formula)}` : '';
  if (base === null && period.index > 1 && !prev) {
    const label = periodLabel({ ...period, index: period.index - 1 });
    ctx.add('no-previous-period', 'info', sheet, cell, unit, msg.noPreviousPeriod(label));
    if (e.printed !== null && e.increment !== null && e.printed < e.increment - allowed) {
      ctx.add('accumulated-mismatch', 'error', sheet, cell, unit, msg.accumulatedBelowIncrement(e.printed, e.increment) + formulaNote, { expected: e.increment, actual: e.printed });
    }
    return;
  }
  if (expected === null) {
    // The previous period as validated (its recomputed accumulated, else its printed one), as in the branch below.
    const previous = prev ? base : null;
    if (e.printed !== null && previous !== null && e.printed < previous - allowed) {
      ctx.add('accumulated-decrease', 'error', sheet, cell, unit, msg.accumulatedDecrease(e.printed, previous, null), { actual: e.printed });
    }
    return;
  }
  if (e.printed !== null && Math.abs(e.printed - expected) <= allowed) return;
  const detail = msg.accumulatedDetail(base ?? 0, e.actual ?? 0, e.target ?? 0, e.weight ?? 0, prevLabel);
  if (e.printed !== null) {
    const decreased = base !== null && period.index > 1 && e.printed < base - allowed;
    if (decreased) ctx.add('accumulated-decrease', 'error', sheet, cell, unit, msg.accumulatedDecrease(e.printed, base as number, expected) + formulaNote, { expected, actual: e.printed });
    else ctx.add('accumulated-mismatch', 'error', sheet, cell, unit, msg.accumulated(e.printed, expected, detail) + formulaNote, { expected, actual: e.printed });
  }
  if (!cell.formula) ctx.correct(sheet, cell, expected, previousText(cell), '0.00%');
}

function checkTargetChanged(ctx: RunContext, e: IndicatorEntry, prev: IndicatorEntry): void {
  if (e.target === null || prev.target === null || !e.row.target) return;
  if (Math.abs(e.target - prev.target) <= 1e-9 * Math.max(1, Math.abs(prev.target))) return;
  ctx.add('target-changed', 'warning', e.block.sheet, e.row.target, e.row.unitKey, msg.targetChanged(prev.target, e.target, periodLabel(prev.block.period!)), { expected: prev.target, actual: e.target });
}

/** Median of a sorted list without its element at `skip`. */
function medianWithout(sorted: number[], skip: number): number {
  const n = sorted.length - 1;
  const at = (k: number) => sorted[k < skip ? k : k + 1];
  const m = Math.floor(n / 2);
  return n % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

/** A value far from the indicator's other periods (at least three others to compare with). */
function checkSeriesOutliers(ctx: RunContext, chain: IndicatorEntry[]): void {
  const withValues = chain.filter((e) => e.actual !== null && e.row.actual);
  if (withValues.length < 4) return;
  const sorted = withValues.map((e) => e.actual as number).sort((a, b) => a - b);
  for (const e of withValues) {
    const v = e.actual as number;
    const m = medianWithout(sorted, sorted.indexOf(v));
    if (m > 0 && (v > 5 * m || v < m / 5)) {
      ctx.add('outlier', 'warning', e.block.sheet, e.row.actual!, e.row.unitKey, msg.outlierSeries(v, m), { expected: m, actual: v });
    }
  }
}
