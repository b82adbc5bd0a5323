import type { RunContext } from './context';
import type { IndicatorBlock, IndicatorRow, Period } from './model';
import { asFraction, checkNumber } from './checkNumbers';
import { checkResult } from './checkResult';
import { REQUIRED_INDICATOR_FIELDS } from './headers';
import { periodWeight } from './periods';
import { fold } from './text';
import { msg } from '../i18n/es-MX';

/** What the chain check needs of each row. */
export interface IndicatorEntry {
  block: IndicatorBlock;
  row: IndicatorRow;
  /** VALOR ACTUAL / META × weight, or null when it cannot be computed. */
  increment: number | null;
  weight: number | null;
  target: number | null;
  actual: number | null;
  /** Printed accumulated (fraction) or null. */
  printed: number | null;
}

const FREQUENCY_KIND: Record<string, Period['kind'] | 'other'> = {
  MENSUAL: 'month', TRIMESTRAL: 'quarter', ANUAL: 'other', SEMESTRAL: 'other', BIMESTRAL: 'other', CUATRIMESTRAL: 'other',
};

export function checkIndicatorBlock(ctx: RunContext, block: IndicatorBlock): IndicatorEntry[] {
  const sheet = block.sheet;
  const cols = block.columns;
  const missing = REQUIRED_INDICATOR_FIELDS.filter((f) => cols[f] === undefined && !(f === 'unitKey' && cols.unitName !== undefined));
  for (const f of missing) ctx.add('missing-column', 'error', sheet, { row: block.headerTop, col: block.firstCol }, null, msg.missingColumn(f));
  if (!block.period) ctx.add('period-not-found', 'warning', sheet, { row: block.headerTop, col: block.firstCol }, null, msg.periodNotFound());

  const complianceCol = cols.compliance ?? block.lastCol + 1;
  const semaforoCol = cols.semaforo ?? complianceCol + 1;
  if (cols.compliance === undefined) ctx.headers.push({ sheet, row: block.headerTop, col: complianceCol, text: 'compliance' });
  if (cols.semaforo === undefined) ctx.headers.push({ sheet, row: block.headerTop, col: semaforoCol, text: 'semaforo' });

  const entries: IndicatorEntry[] = [];
  for (const row of block.rows) {
    const unit = row.unitKey;
    const target = checkNumber(ctx, sheet, unit, 'target', row.target, { required: true, positive: true });
    const actual = checkNumber(ctx, sheet, unit, 'actual', row.actual, { required: true });
    checkNumber(ctx, sheet, unit, 'annualGoal', row.annualGoal);
    const absoluteValue = checkNumber(ctx, sheet, unit, 'absolute', row.absolute);
    const accumulatedValue = checkNumber(ctx, sheet, unit, 'accumulated', row.accumulated, { required: true });
    const weight = checkWeight(ctx, block, row, absoluteValue);
    checkFrequency(ctx, block, row);
    const increment = target !== null && actual !== null && weight !== null ? (actual / target) * weight : null;
    const printed = accumulatedValue !== null && row.accumulated ? asFraction(row.accumulated, accumulatedValue) : null;
    let result: ReturnType<typeof checkResult> = { compliance: null, color: null };
    if (actual !== null && row.actual) {
      result = checkResult(ctx, {
        sheet, unit, actualAt: row.actual, actual, goal: target, observations: row.observations,
        contextWords: [row.measureUnit, row.indicatorName],
      });
      if (target && actual / target >= 10) {
        ctx.add('outlier', 'warning', sheet, row.actual, unit, msg.outlierTarget(actual, target), { expected: target, actual });
      }
    }
    ctx.compliance.push({ sheet, row: row.row, complianceCol, semaforoCol, compliance: result.compliance, color: result.color });
    entries.push({ block, row, increment, weight, target, actual, printed });
  }
  checkDuplicateDescriptions(ctx, block);
  return entries;
}

/** The weight used for the period: the written AVANCE ABSOLUTO when it agrees with the period, else the period's own. */
function checkWeight(ctx: RunContext, block: IndicatorBlock, row: IndicatorRow, absoluteValue: number | null): number | null {
  const written = absoluteValue !== null && row.absolute ? asFraction(row.absolute, absoluteValue) : null;
  if (!block.period) return written;
  const canonical = periodWeight(block.period);
  if (written === null) return canonical;
  if (Math.abs(written - canonical) * 100 <= ctx.options.tolerancePp + 1e-9) return written;
  const kind = block.period.kind === 'month' ? 'mensual' : 'trimestral';
  const cell = row.absolute!;
  ctx.add('absolute-progress-mismatch', 'error', block.sheet, cell, row.unitKey, msg.absoluteWeight(written, canonical, kind) + (cell.formula ? ` ${msg.formulaKept(cell.formula)}` : ''), { expected: canonical, actual: written });
  if (!cell.formula) ctx.correct(block.sheet, cell, canonical, previousOf(cell.raw, written), '0.00%');
  return canonical;
}

function previousOf(raw: unknown, fraction: number): string {
  return typeof raw === 'string' ? `"${raw}"` : `${(fraction * 100).toFixed(2)}%`;
}

function checkFrequency(ctx: RunContext, block: IndicatorBlock, row: IndicatorRow): void {
  if (!block.period || !row.frequency || !row.frequency.text) return;
  const kind = FREQUENCY_KIND[fold(row.frequency.text)];
  if (!kind || kind === block.period.kind) return;
  const blockKind = block.period.kind === 'month' ? 'mensual' : 'trimestral';
  ctx.add('frequency-mismatch', 'warning', block.sheet, row.frequency, row.unitKey, msg.frequency(row.frequency.text, blockKind));
}

/**
 * A description repeated word for word by indicators with different names, when it is not the
 * block's generic description (shared by every indicator of the block).
 */
function checkDuplicateDescriptions(ctx: RunContext, block: IndicatorBlock): void {
  // unit -> folded description -> rows
  const groups = new Map<string, Map<string, IndicatorRow[]>>();
  const rowsPerUnit = new Map<string, number>();
  for (const r of block.rows) {
    rowsPerUnit.set(r.unitKey, (rowsPerUnit.get(r.unitKey) ?? 0) + 1);
    if (!r.description) continue;
    const text = fold(r.description.text);
    if (text.length < 20) continue;
    let byText = groups.get(r.unitKey);
    if (!byText) groups.set(r.unitKey, (byText = new Map()));
    const list = byText.get(text);
    if (list) list.push(r);
    else byText.set(text, [r]);
  }
  for (const list of [...groups.values()].flatMap((m) => [...m.values()])) {
    if (list.length < 2) continue;
    const names = new Set(list.map((r) => fold(r.indicatorName)));
    const unitRows = rowsPerUnit.get(list[0].unitKey) ?? 0;
    if (names.size < 2 || list.length === unitRows) continue;
    for (let i = 1; i < list.length; i++) {
      const first = list[0];
      const r = list[i];
      if (fold(r.indicatorName) === fold(first.indicatorName)) continue;
      ctx.add('duplicate-description', 'warning', block.sheet, r.description!, r.unitKey, msg.duplicateDescription(first.row, first.indicatorName));
    }
  }
}
