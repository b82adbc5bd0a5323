/**
 * "Plantilla": for each unidad of the validated sheets, a clean sheet for the next period (or a chosen one),
 * ready to capture, whose figures compute themselves. Pure: a ValidationResult in, a TemplatePlan out.
 */
import type { ValidationResult } from '../engine';
import { JOURNAL_SHEET } from '../journal';
import type { IndicatorBlock, IndicatorRow, Period, ProgrammaticBlock } from '../model';
import { DEFAULT_OPTIONS, type SemaforoBands } from '../options';
import { formatDateEs, periodLabel, periodWeight } from '../periods';
import { plantillaMsg } from '../../i18n/plantilla.es-MX';
import { IND_COLUMN_WIDTHS, addIndicatorSection, type SectionResult } from './indicatorTemplate';
import { cutoffOf, periodDistance, resolveChoice, templatePeriodLabel, type PeriodChoice } from './period';
import { retitler } from './preamble';
import { estimateRowHeights } from './rowHeights';
import { PRG_COLUMN_WIDTHS, addProgrammaticSection } from './programmaticTemplate';
import { SheetBuilder } from './sheetBuilder';
import { sheetName } from './sheetName';
import { numberOf, sourceBlocks, templateUnits, unitRows, validatedAccumulated, type TemplateUnit, type UnitBlock } from './sources';
import type { TemplatePlan, TemplateSheet } from './types';

export interface TemplateOptions {
  /** The template period; default: each unit's next period. */
  period?: PeriodChoice | null;
  /** Unit claves to make templates for; default: all. */
  units?: string[];
  /** Sheets to take the units from; default: the sheets the validation targeted. */
  sheets?: string[];
  /** Every sheet name of the workbook (hidden ones too): new names never repeat them. Default: the parsed sheets. */
  existingNames?: string[];
  bands?: SemaforoBands;
  /** Tolerance (pp) to accept the written AVANCE ABSOLUTO as the period weight. Default 0.02. */
  tolerancePp?: number;
  /** Protect the new sheets, leaving the input cells unlocked. Default false. */
  protect?: boolean;
}

interface Context {
  result: ValidationResult;
  bands: SemaforoBands;
  tolerancePp: number;
  notices: string[];
}

function choiceLabel(choice: PeriodChoice): string {
  return choice.kind === 'date' ? formatDateEs(choice.date) : periodLabel(choice.period);
}

/** The weight the office writes (8.33%) when it agrees with the period, else the period's own (1/12, 1/4). */
function weightOf(row: IndicatorRow, period: Period, tolerancePp: number): number {
  const canonical = periodWeight(period);
  const written = numberOf(row.absolute, true);
  if (written === null) return canonical;
  return Math.abs(written - canonical) * 100 <= tolerancePp + 1e-9 ? written : canonical;
}

function indicatorSections(ctx: Context, b: SheetBuilder, unit: TemplateUnit, sources: UnitBlock[], target: Period, name: string): SectionResult[] {
  const newYear = target.year !== sources[0].period.year;
  let top = 1;
  return sources.map((src) => {
    const block = src.block as IndicatorBlock;
    const rows = unitRows(block, unit.key);
    const carried = rows.map((r) => {
      if (newYear) return 0;
      const value = validatedAccumulated(ctx.result, block.sheet, r);
      if (value === null) ctx.notices.push(plantillaMsg.noAccumulated(name, r.indicatorName || r.action));
      // Rounded to 1e-10 (1e-8 percentage points) so the formula reads 0.416619, not 0.41661899999999996.
      return value === null ? 0 : Math.round(value * 1e10) / 1e10;
    });
    const weights = rows.map((r) => weightOf(r, target, ctx.tolerancePp));
    const res = addIndicatorSection(b, { block, rows, period: target, carried, weights, bands: ctx.bands, retitle: retitler(block.year, target.year) }, top);
    top = res.end + 2;
    return res;
  });
}

function programmaticSections(ctx: Context, b: SheetBuilder, sources: UnitBlock[], target: Period): SectionResult[] {
  const newYear = target.year !== sources[0].period.year;
  const anySignatures = sources.some((s) => ((s.block as ProgrammaticBlock).signatureLines ?? []).length > 0);
  let top = 1;
  return sources.map((src, i) => {
    const block = src.block as ProgrammaticBlock;
    const res = addProgrammaticSection(b, {
      block, cutoff: cutoffOf(target), quarter: target.index, newYear, bands: ctx.bands,
      retitle: retitler(block.year, target.year), standardSignatures: !anySignatures && i === sources.length - 1,
    }, top);
    top = res.end + 2;
    return res;
  });
}

function templateSheet(ctx: Context, unit: TemplateUnit, sources: UnitBlock[], target: Period, name: string, protect: boolean): TemplateSheet {
  const b = new SheetBuilder();
  const indicators = unit.layout === 'indicators';
  const sections = indicators ? indicatorSections(ctx, b, unit, sources, target, name) : programmaticSections(ctx, b, sources, target);
  const header = sections[0].header;
  const widths = indicators ? IND_COLUMN_WIDTHS : PRG_COLUMN_WIDTHS;
  const cells = b.cells;
  return {
    name,
    layout: unit.layout,
    unitKey: unit.key,
    unitName: unit.name,
    period: target,
    periodLabel: templatePeriodLabel(target, !indicators),
    sourceSheet: sources[0].block.sheet,
    cells,
    merges: b.merges,
    columnWidths: widths.map((width, i) => ({ col: i + 1, width })),
    rowHeights: estimateRowHeights(cells, b.merges, new Map(widths.map((w, i) => [i + 1, w]))),
    frozenRows: header.last,
    printTitleRows: header,
    pageSetup: { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 },
    dataValidations: b.validations,
    conditionalFormats: b.conditionalFormats,
    protect,
  };
}

export function buildTemplates(result: ValidationResult, options: TemplateOptions = {}): TemplatePlan {
  const ctx: Context = {
    result,
    bands: options.bands ?? DEFAULT_OPTIONS.bands,
    tolerancePp: options.tolerancePp ?? DEFAULT_OPTIONS.tolerancePp,
    notices: [],
  };
  const { units, undated } = templateUnits(result, options.sheets);
  ctx.notices.push(...undated.map(plantillaMsg.noPeriod));
  const taken = options.existingNames ? [...options.existingNames] : [...result.parsed.map((s) => s.name), JOURNAL_SHEET];
  const wanted = options.units ? new Set(options.units) : null;
  const sheets: TemplateSheet[] = [];
  for (const unit of units) {
    if (wanted && !wanted.has(unit.key)) continue;
    const target = options.period ? resolveChoice(options.period, unit.kind) : unit.next;
    if (!target) {
      ctx.notices.push(plantillaMsg.kindMismatch(unit.key, choiceLabel(options.period as PeriodChoice), plantillaMsg.kindName[unit.kind]));
      continue;
    }
    const sources = sourceBlocks(unit, target);
    const label = templatePeriodLabel(target, unit.layout === 'programmatic');
    if (!sources.length) {
      ctx.notices.push(plantillaMsg.noEarlier(unit.key, label));
      continue;
    }
    const name = sheetName(target, unit.key, taken);
    taken.push(name);
    const from = templatePeriodLabel(sources[0].period, unit.layout === 'programmatic');
    if (target.year !== sources[0].period.year) ctx.notices.push(plantillaMsg.newYear(name, from, label));
    else if (periodDistance(sources[0].period, target) > 1) ctx.notices.push(plantillaMsg.gap(name, from, label));
    sheets.push(templateSheet(ctx, unit, sources, target, name, options.protect ?? false));
  }
  return { sheets, notices: ctx.notices };
}
