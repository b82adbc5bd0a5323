/**
 * Plantilla in the add-in: read the workbook (the validation's read path: sheet list, then one batch for every
 * sheet, without fills or notes), run the engine and buildTemplates, and write the plan (templateWriter.ts).
 * Syncs: 2 to read + 1 to write (more only if the sheets pass the 4 MB request budget), whatever the number of
 * units. The preview reads the same way (2 syncs) and writes nothing.
 */
import type { ValidateRequest, ValidationResult } from '../domain/engine';
import type { Period, PeriodKind } from '../domain/model';
import { DEFAULT_OPTIONS } from '../domain/options';
import { comparePeriods, formatDateEs, nextPeriod, periodKey, periodLabel } from '../domain/periods';
import { buildTemplates, cutoffOf, parsePeriodChoice, templateUnits, type TemplateUnit } from '../domain/template';
import { plantillaCli, plantillaExcel, plantillaMsg } from '../i18n/plantilla.es-MX';
import type { Progress, TemplateOutcome, TemplatePeriodChoice, TemplatePreview, TemplateRequest, TemplateUnitChoice } from './api';
import { previousRun } from './applyRun';
import { REQUEST_BUDGET } from './batchWriter';
import { withoutPreviousRun } from './cellTargets';
import { type WorkbookRead, readWorkbook } from './readWorkbook';
import { type ExcelSession, noteKind } from './session';
import { writeTemplatePlan } from './templateWriter';

export interface TemplateDeps {
  validate: (request: ValidateRequest) => ValidationResult;
  budget?: number;
}

/** Periods a chooser offers per kind: from the earliest next period to a year after the latest. */
const SPAN: Record<PeriodKind, number> = { month: 12, quarter: 4 };

async function readAndValidate(
  session: ExcelSession,
  deps: TemplateDeps,
  options?: TemplateRequest,
  onProgress?: (p: Progress) => void,
): Promise<{ read: WorkbookRead; result: ValidationResult }> {
  onProgress?.('leyendo');
  const read = await readWorkbook(session, noteKind(), { snapshots: true, formats: false, notes: false });
  onProgress?.('validando');
  // As the validation does: the sheets as they are once a previous Validar run is undone.
  const snapshots = withoutPreviousRun(read.snapshots, previousRun(read));
  const result = deps.validate({
    snapshots,
    options: { bands: options?.bands ?? DEFAULT_OPTIONS.bands, tolerancePp: options?.tolerancePp ?? DEFAULT_OPTIONS.tolerancePp },
  });
  return { read, result };
}

const hasPoa = (result: ValidationResult): boolean => result.parsed.some((s) => s.blocks.length > 0);

/** One entry per clave, in order of first appearance. */
function unitChoices(units: TemplateUnit[]): TemplateUnitChoice[] {
  const byKey = new Map<string, TemplateUnitChoice>();
  for (const u of units) {
    let c = byKey.get(u.key);
    if (!c) byKey.set(u.key, (c = { key: u.key, name: u.name, kinds: [], next: [] }));
    if (!c.name && u.name) c.name = u.name;
    if (!c.kinds.includes(u.kind)) c.kinds.push(u.kind);
    if (!c.next.includes(u.nextLabel)) c.next.push(u.nextLabel);
  }
  return [...byKey.values()];
}

function advance(p: Period, n: number): Period {
  let out = p;
  for (let i = 0; i < n; i++) out = nextPeriod(out);
  return out;
}

/** Each kind's periods from its units' earliest next period to a year after the latest; months before quarters. */
export function periodChoices(units: TemplateUnit[]): TemplatePeriodChoice[] {
  const out: TemplatePeriodChoice[] = [];
  for (const kind of ['month', 'quarter'] as PeriodKind[]) {
    const ofKind = units.filter((u) => u.kind === kind);
    if (!ofKind.length) continue;
    const first = ofKind.reduce((a, u) => (comparePeriods(u.next, a) < 0 ? u.next : a), ofKind[0].next);
    const latest = ofKind.reduce((a, u) => (comparePeriods(u.next, a) > 0 ? u.next : a), ofKind[0].next);
    const last = advance(latest, SPAN[kind] - 1);
    const programmatic = ofKind.some((u) => u.layout === 'programmatic');
    for (let p = first; comparePeriods(p, last) <= 0; p = nextPeriod(p)) {
      const label = periodLabel(p);
      out.push({ value: label, label, kind, ...(programmatic && kind === 'quarter' ? { cutoff: formatDateEs(cutoffOf(p)) } : {}) });
    }
  }
  return out;
}

/** The units' common next period (its value), or "" when they differ (each unit gets its own next period). */
function defaultPeriod(units: TemplateUnit[]): string {
  const keys = new Set(units.map((u) => periodKey(u.next)));
  return units.length > 0 && keys.size === 1 ? periodLabel(units[0].next) : '';
}

export async function previewTemplates(session: ExcelSession, deps: TemplateDeps): Promise<TemplatePreview> {
  const { read, result } = await readAndValidate(session, deps);
  const { units, undated } = templateUnits(result);
  let blocked: string | null = null;
  if (!hasPoa(result) || units.length === 0) blocked = plantillaExcel.noPoaSheet;
  else if (read.workbookProtected) blocked = plantillaExcel.workbookProtected;
  // The notices of the default plan (a new POA year, missing periods…), so the user sees them before inserting.
  const notices = blocked ? undated.map(plantillaMsg.noPeriod) : buildTemplates(result, { existingNames: read.sheets.map((s) => s.name) }).notices;
  return {
    units: unitChoices(units),
    periods: periodChoices(units),
    defaultPeriod: defaultPeriod(units),
    notices,
    blocked,
  };
}

export async function insertTemplates(
  session: ExcelSession,
  request: TemplateRequest,
  deps: TemplateDeps,
  onProgress?: (p: Progress) => void,
): Promise<TemplateOutcome> {
  const period = request.period?.trim() ?? '';
  const choice = period ? parsePeriodChoice(period) : null;
  if (period && !choice) throw new Error(plantillaCli.badPeriod(period));
  if (request.units && request.units.length === 0) throw new Error(plantillaExcel.noUnits);

  const { read, result } = await readAndValidate(session, deps, request, onProgress);
  if (!hasPoa(result)) throw new Error(plantillaExcel.noPoaSheet);
  if (read.workbookProtected) throw new Error(plantillaExcel.workbookProtected);

  const known = [...new Set(templateUnits(result).units.map((u) => u.key))];
  if (known.length === 0) throw new Error(plantillaExcel.noPoaSheet);
  const missing = (request.units ?? []).filter((u) => !known.includes(u));
  if (missing.length) throw new Error(plantillaExcel.unknownUnits(missing, known));
  const plan = buildTemplates(result, {
    period: choice,
    units: request.units,
    existingNames: read.sheets.map((s) => s.name),
    bands: request.bands,
    tolerancePp: request.tolerancePp,
    protect: request.protect ?? false,
  });

  if (plan.sheets.length) {
    onProgress?.('escribiendo');
    await writeTemplatePlan(session, plan, read.sheets.map((s) => s.name), deps.budget ?? REQUEST_BUDGET);
  }
  onProgress?.('listo');
  return {
    sheets: plan.sheets.map((s) => ({ name: s.name, unitKey: s.unitKey, unitName: s.unitName, period: s.periodLabel })),
    notices: plan.notices,
    syncs: session.syncs,
  };
}
