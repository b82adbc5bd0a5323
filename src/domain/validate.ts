import type { SheetReport, UnitSummary, ValidateRequest, ValidationResult } from './engine';
import type { IndicatorEntry } from './checkIndicators';
import { checkIndicatorBlock } from './checkIndicators';
import { checkAccumulatedChains } from './checkChains';
import { checkProgrammaticBlock } from './checkProgrammatic';
import { buildPlan } from './buildPlan';
import { RunContext, type ComplianceMark } from './context';
import { JOURNAL_SHEET } from './journal';
import type { Block, ParsedSheet } from './model';
import type { Finding } from './findings';
import { DEFAULT_OPTIONS, type EngineOptions } from './options';
import { parseSheet } from './parseSheet';
import { formatDateEs, periodLabel } from './periods';
import { msg } from '../i18n/es-MX';

/** The engine: snapshots in, report and change plan out. Pure: no Office, no files. */
export function validateWorkbook(request: ValidateRequest): ValidationResult {
  const options: EngineOptions = { ...DEFAULT_OPTIONS, ...request.options, bands: { ...DEFAULT_OPTIONS.bands, ...request.options?.bands } };
  // Hidden sheets (earlier months a user hid) are read for previous periods but not validated unless asked for.
  const snapshots = request.snapshots.filter((s) => s.name !== JOURNAL_SHEET);
  const targets = new Set(request.targetSheets ?? snapshots.filter((s) => !s.hidden).map((s) => s.name));
  const parsed: ParsedSheet[] = snapshots.map(parseSheet);
  const ctx = new RunContext(options);

  const entries: IndicatorEntry[] = [];
  for (const sheet of parsed) {
    for (const block of sheet.blocks) {
      if (block.layout === 'indicators') entries.push(...checkIndicatorBlock(ctx, block));
      else checkProgrammaticBlock(ctx, block);
    }
  }
  checkAccumulatedChains(ctx, entries);
  for (const sheet of parsed) {
    if (!sheet.blocks.length && targets.has(sheet.name)) ctx.add('sheet-not-recognized', 'info', sheet.name, null, null, msg.sheetNotRecognized());
  }

  const protectedSheets = new Set(snapshots.filter((s) => s.protected).map((s) => s.name));
  const plan = buildPlan(ctx, new Set([...targets].filter((t) => !protectedSheets.has(t))));
  const findingsBySheet = groupBySheet(ctx.findings);
  const complianceBySheet = groupBySheet(ctx.compliance);
  const sheets: SheetReport[] = parsed
    .filter((s) => targets.has(s.name))
    .map((s) => ({
      ...sheetReport(s, findingsBySheet.get(s.name) ?? [], complianceBySheet.get(s.name) ?? []),
      readOnly: protectedSheets.has(s.name),
    }));
  const summary = { error: 0, warning: 0, info: 0 };
  for (const s of sheets) for (const f of s.findings) summary[f.severity]++;
  return { sheets, summary, plan, parsed, accumulated: ctx.accumulated };
}

/** One pass over a run's list, so per-sheet reports do not rescan it for every sheet. */
function groupBySheet<T extends { sheet: string }>(items: T[]): Map<string, T[]> {
  const bySheet = new Map<string, T[]>();
  for (const item of items) {
    const list = bySheet.get(item.sheet);
    if (list) list.push(item);
    else bySheet.set(item.sheet, [item]);
  }
  return bySheet;
}

function blockPeriod(block: Block): string | null {
  if (block.layout === 'indicators') return block.period ? periodLabel(block.period) : null;
  return block.cutoff ? formatDateEs(block.cutoff) : null;
}

/** Findings in sheet order: by row, then column (shorter column letters first: Z before AA). */
function byCell(a: Finding, b: Finding): number {
  const ca = a.cell ?? '';
  const cb = b.cell ?? '';
  return (a.row ?? 0) - (b.row ?? 0) || ca.length - cb.length || (ca < cb ? -1 : ca > cb ? 1 : 0);
}

function sheetReport(sheet: ParsedSheet, sheetFindings: Finding[], compliance: ComplianceMark[]): Omit<SheetReport, 'readOnly'> {
  const findings = sheetFindings
    .sort(byCell);
  const periods = [...new Set(sheet.blocks.map(blockPeriod).filter((p): p is string => p !== null))];
  const units = new Map<string, UnitSummary>();
  const unitOf = (key: string, name: string) => {
    let u = units.get(key);
    if (!u) {
      u = { unit: key, name, counts: { error: 0, warning: 0, info: 0 }, semaforo: { verde: 0, amarillo: 0, rojo: 0 } };
      units.set(key, u);
    }
    return u;
  };
  const unitByRow = new Map<number, string>();
  for (const block of sheet.blocks) {
    if (block.layout === 'indicators') {
      for (const r of block.rows) {
        unitOf(r.unitKey, r.unitName);
        unitByRow.set(r.row, r.unitKey);
      }
    } else {
      unitOf(block.unitKey, block.unitName);
      for (const r of block.rows) unitByRow.set(r.row, block.unitKey);
    }
  }
  for (const f of findings) if (f.unit) unitOf(f.unit, '').counts[f.severity]++;
  for (const c of compliance) {
    if (!c.color) continue;
    const key = unitByRow.get(c.row);
    if (key !== undefined) unitOf(key, '').semaforo[c.color]++;
  }
  const layout = sheet.blocks.length ? sheet.blocks[0].layout : null;
  return { name: sheet.name, layout, period: periods.length ? periods.join(', ') : null, findings, units: [...units.values()] };
}
