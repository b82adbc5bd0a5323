import type { Grid } from './grid';
import type { HeaderBand } from './headers';
import type { IndicatorBlock, IndicatorField, IndicatorRow, Period } from './model';
import { isDateFormat } from './numbers';
import { parsePeriodText, serialToDate } from './periods';
import { blockBase, contextLines, numAt, textAt, unitKeyText, yearFromLines } from './parseCommon';
import { cellText, isBlank } from './text';

const DATA_SIGNS: IndicatorField[] = ['action', 'indicatorName', 'description', 'target', 'actual', 'accumulated', 'absolute', 'annualGoal'];

function findPeriod(grid: Grid, from: number, to: number, year: number | null): { period: Period; row: number; col: number } | null {
  for (let r = to; r >= from; r--) {
    for (const { col } of grid.rowTexts(r)) {
      const v = grid.value(r, col);
      if (typeof v === 'number' && isDateFormat(grid.numberFormat(r, col))) {
        const d = serialToDate(v);
        if (d) return { period: { kind: 'month', year: d.year, index: d.month }, row: r, col };
      }
      if (typeof v === 'string' && v.length <= 40) {
        const p = parsePeriodText(v, year);
        if (p) return { period: p, row: r, col };
      }
    }
  }
  return null;
}

export function parseIndicatorBlock(grid: Grid, band: HeaderBand, preambleTop: number, dataEnd: number): IndicatorBlock {
  const cols = band.columns as Partial<Record<IndicatorField, number>>;
  const context = contextLines(grid, preambleTop, band.top - 1);
  const titleYear = yearFromLines(context);
  const found = findPeriod(grid, preambleTop, band.top - 1, titleYear);
  const rows: IndicatorRow[] = [];
  let lastRow = band.bottom;
  let prev: IndicatorRow | null = null;
  for (let r = band.bottom + 1; r <= dataEnd; r++) {
    let signs = 0;
    for (const f of DATA_SIGNS) if (cols[f] !== undefined && !isBlank(grid.value(r, cols[f] as number))) signs++;
    if (signs < 2) continue;
    const inherited = (field: IndicatorField, fallback: string): string => {
      const col = cols[field];
      if (col === undefined) return fallback;
      const t = cellText(grid.mergedValue(r, col));
      return t || fallback;
    };
    const unitRaw = cols.unitKey !== undefined ? grid.mergedValue(r, cols.unitKey) : cols.unitName !== undefined ? grid.mergedValue(r, cols.unitName) : null;
    const unitKey = isBlank(unitRaw) ? prev?.unitKey ?? '' : unitKeyText(unitRaw);
    const actionText = cols.action !== undefined ? cellText(grid.value(r, cols.action)) : '';
    const actionMerged = cols.action !== undefined && grid.isMergedFollower(r, cols.action);
    const row: IndicatorRow = {
      row: r,
      unitKey,
      unitName: inherited('unitName', prev?.unitName ?? ''),
      lineOfAction: inherited('lineOfAction', prev?.lineOfAction ?? ''),
      objective: inherited('objective', prev?.objective ?? ''),
      action: actionText || (actionMerged ? cellText(grid.mergedValue(r, cols.action as number)) : '') || prev?.action || '',
      continuation: !actionText && !!prev,
      comments: cols.comments !== undefined ? cellText(grid.value(r, cols.comments)) : '',
      indicatorName: cols.indicatorName !== undefined ? cellText(grid.value(r, cols.indicatorName)) : '',
      description: textAt(grid, r, cols.description),
      measureUnit: cols.measureUnit !== undefined ? cellText(grid.value(r, cols.measureUnit)) : '',
      frequency: textAt(grid, r, cols.frequency),
      annualGoal: numAt(grid, r, cols.annualGoal),
      absolute: numAt(grid, r, cols.absolute),
      accumulated: numAt(grid, r, cols.accumulated),
      target: numAt(grid, r, cols.target),
      actual: numAt(grid, r, cols.actual),
      observations: textAt(grid, r, cols.observations),
    };
    if (prev && row.unitKey !== prev.unitKey) row.continuation = false;
    rows.push(row);
    prev = row;
    lastRow = r;
  }
  return {
    layout: 'indicators',
    ...blockBase(grid, band, preambleTop, lastRow, context, found?.period.year ?? titleYear),
    columns: cols,
    period: found?.period ?? null,
    periodCell: found ? { row: found.row, col: found.col } : null,
    rows,
  };
}
