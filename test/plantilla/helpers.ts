/** Shared helpers of the Plantilla tests: a validated workbook with its templates, filling, expected figures. */
import ExcelJS from 'exceljs';
import { validateWorkbook, type ValidationResult } from '../../src/domain/engine';
import { semaforoOf } from '../../src/domain/semaforo';
import { DEFAULT_OPTIONS, type SemaforoBands } from '../../src/domain/options';
import { buildTemplates, type TemplateOptions, type TemplatePlan, type TemplateSheet } from '../../src/domain/template';
import { IND } from '../../src/domain/template/indicatorTemplate';
import { PRG, achieved, planned } from '../../src/domain/template/programmaticTemplate';
import { SEMAFORO_TEXT } from '../../src/i18n/es-MX';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import { writeTemplates } from '../../src/xlsx/writeTemplates';
import { roundTrip } from '../fixtures/buildWorkbook';
import type { SeedIndicatorBlock } from '../fixtures/seedIndicators';
import { unitBlocks } from '../helpers/engine';

export interface WithTemplates {
  wb: ExcelJS.Workbook;
  result: ValidationResult;
  plan: TemplatePlan;
}

/** Validates a workbook, builds its templates, writes them and reads the workbook back as a real .xlsx. */
export async function addTemplates(source: ExcelJS.Workbook, options: TemplateOptions = {}): Promise<WithTemplates> {
  const wb = await roundTrip(source);
  const result = validateWorkbook({ snapshots: snapshotsOf(wb), options: options.bands ? { bands: options.bands } : undefined });
  const plan = buildTemplates(result, { existingNames: wb.worksheets.map((w) => w.name), ...options });
  await writeTemplates(wb, plan);
  return { wb: await roundTrip(wb), result, plan };
}

export function sheetOf(plan: TemplatePlan, name: string): TemplateSheet {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`No template sheet ${name}: ${plan.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** Rows to capture (from the data validations of the input cells) and the input column. */
export function inputRows(sheet: TemplateSheet): { row: number; col: number }[] {
  return sheet.dataValidations.flatMap((v) => Array.from({ length: v.range.bottom - v.range.top + 1 }, (_, i) => ({ row: v.range.top + i, col: v.range.left })));
}

export function numberAt(sheet: TemplateSheet, row: number, col: number): number | null {
  const c = sheet.cells.find((x) => x.row === row && x.col === col);
  if (!c) return null;
  const v = c.formula ? c.result : c.value;
  return typeof v === 'number' ? v : null;
}

/** A value to capture for a goal: cycles through on-target, short, over and far-off results. */
const FACTORS = [1, 0.85, 1.3, 0.5, 1.12, 0.93, 2];
export function captureValue(goal: number | null, i: number): number {
  return Math.max(0, Math.round((goal ?? 10) * FACTORS[i % FACTORS.length]));
}

export interface Expected {
  sheet: string;
  row: number;
  accumulated?: number;
  absolute?: number;
  relative?: number | null;
  compliance: number | null;
  semaforo: string | null;
}

/**
 * Fills every input cell of the templates (VALOR ACTUAL / A of the new quarter, and OBSERVACIONES) and returns
 * the figures the engine's rules give for them: carried + actual / goal × weight, actual / goal and its colour.
 */
export function fillTemplates(wb: ExcelJS.Workbook, plan: TemplatePlan, bands: SemaforoBands = DEFAULT_OPTIONS.bands): Expected[] {
  const out: Expected[] = [];
  let i = 0;
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    for (const { row, col } of inputRows(sheet)) {
      const indicators = sheet.layout === 'indicators';
      const goalCol = indicators ? IND.target : planned(sheet.period.index);
      const goal = numberAt(sheet, row, goalCol);
      const value = captureValue(goal, i++);
      ws.getCell(row, col).value = value;
      ws.getCell(row, indicators ? IND.observations : PRG.observations).value = 'SE REPROGRAMARON LAS CUADRILLAS POR FALTA DE VEHICULOS';
      const compliance = goal !== null && goal > 0 ? value / goal : null;
      const semaforo = compliance === null ? null : SEMAFORO_TEXT[semaforoOf(compliance, bands)];
      if (indicators) {
        const carried = numberAt(sheet, row, IND.accumulated) ?? 0;
        const weight = numberAt(sheet, row, IND.absolute) ?? 0;
        out.push({ sheet: sheet.name, row, accumulated: goal ? carried + (value / goal) * weight : carried, compliance, semaforo });
      } else {
        let absolute = value;
        for (let q = 1; q < sheet.period.index; q++) absolute += numberAt(sheet, row, achieved(q)) ?? 0;
        const annual = numberAt(sheet, row, PRG.annualGoal);
        out.push({ sheet: sheet.name, row, absolute, relative: annual ? absolute / annual : null, compliance, semaforo });
      }
    }
  }
  return out;
}

/** A cell's value: a formula's cached result, or the literal (rich text joined). */
export function readValue(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const cell = ws.getCell(row, col);
  const v = cell.value as unknown;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // cell.value drops a falsy result (0); cell.result keeps it.
    if ('formula' in o || 'sharedFormula' in o) return (cell as unknown as { result?: unknown }).result ?? null;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  }
  return v ?? null;
}

/** Texts a spreadsheet would take for formulas if they were typed or pasted as values. */
export const FORMULA_LIKE = {
  description: '=HYPERLINK("http://ejemplo.invalid","clic")',
  comments: '+52 686 555 1234',
  measureUnit: '-',
  indicatorName: '@x',
  objective: '=1+1',
  frequency: '-MENSUAL',
};

/** Unit 306 (or renamed) with formula-like text in the first row of every period (so the indicator chain still matches). */
export function formulaLikeBlocks(unitKey = '306'): SeedIndicatorBlock[] {
  return unitBlocks('306').map((b) => {
    const rows = b.rows.map((r, i) => ({ ...r, ...(i === 0 ? FORMULA_LIKE : {}), unitKey: r.unitKey ? unitKey : '' }));
    return { ...b, rows };
  });
}

