import type { SheetReport, UnitSummary, ValidateRequest, ValidationResult } from './engine';
import type { IndicatorEntry } from './checkIndicators';
import { checkIndicatorBlock } from './checkIndicators';
import { checkAccumulatedChains } from './checkChains';
import { checkProgrammaticBlock } from './checkProgrammatic';
import { buildPlan } from './buildPlan';
import { RunContext } from './context';
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
  const findingsBySheet = new Map<string, Finding[]>();
  for (const f of ctx.findings) {
    const list = findingsBySheet.get(f.sheet);
    if (list) list.push(f);
    else findingsBySheet.set(f.sheet, [f]);
  }
  const sheets: SheetReport[] = parsed
    .filter((s) => targets.has(s.name))
    .map((s) => ({ ...sheetReport(s, findingsBySheet.get(s.name) ?? [], ctx), readOnly: protectedSheets.has(s.name) }));
  const summary = { error: 0, warning: 0, info: 0 };
  for (const s of sheets) for (const f of s.findings) summary[f.severity]++;
  return { sheets, summary, plan, parsed, accumulated: ctx.accumulated };
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

function sheetReport(sheet: ParsedSheet, sheetFindings: Finding[], ctx: RunContext): Omit<SheetReport, 'readOnly'> {
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
  for (const c of ctx.compliance) {
    if (c.sheet !== sheet.name || !c.color) continue;
    const key = unitByRow.get(c.row);
    if (key !== undefined) unitOf(key, '').semaforo[c.color]++;
  }
  const layout = sheet.blocks.length ? sheet.blocks[0].layout : null;
  return { name: sheet.name, layout, period: periods.length ? periods.join(', ') : null, findings, units: [...units.values()] };
}
