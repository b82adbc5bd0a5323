/** `poa plantilla`: adds, for each unit, a clean sheet for the next period to a copy of the workbook. */
import path from 'path';
import { validateWorkbook } from '../domain/engine';
import { DEFAULT_OPTIONS, SEMAFORO_PRESETS } from '../domain/options';
import { buildTemplates, parsePeriodChoice, templateUnits } from '../domain/template';
import { cli } from '../i18n/es-MX';
import { plantillaCli } from '../i18n/plantilla.es-MX';
import { snapshotsOf } from '../xlsx/readSnapshots';
import { writeTemplates } from '../xlsx/writeTemplates';
import { openWorkbook, saveWorkbook } from '../xlsx/workbookFile';
import { UsageError, type TemplateArgs } from './args';

type Out = { log: (s: string) => void; err: (s: string) => void };

/** "<dir>/<name>.plantilla.xlsx". */
export function templateOutput(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.plantilla${ext || '.xlsx'}`);
}

export async function runTemplate(args: TemplateArgs, out: Out): Promise<number> {
  const output = args.output ?? templateOutput(args.file);
  if (path.resolve(output) === path.resolve(args.file)) throw new UsageError(cli.sameOutput());
  const choice = args.period !== null ? parsePeriodChoice(args.period) : null;
  if (args.period !== null && !choice) throw new UsageError(plantillaCli.badPeriod(args.period));
  const wb = await openWorkbook(args.file);
  const bands = args.preset ? SEMAFORO_PRESETS[args.preset] : DEFAULT_OPTIONS.bands;
  const result = validateWorkbook({ snapshots: snapshotsOf(wb), options: { bands } });
  if (!result.parsed.some((s) => s.blocks.length)) {
    out.err(cli.noPoaSheet(args.file));
    return 2;
  }
  const known = [...new Set(templateUnits(result).units.map((u) => u.key))];
  for (const u of args.units) if (!known.includes(u)) throw new UsageError(plantillaCli.unknownUnit(u, known));
  const plan = buildTemplates(result, {
    period: choice,
    units: args.units.length ? args.units : undefined,
    existingNames: wb.worksheets.map((w) => w.name),
    bands,
    protect: args.protect,
  });
  for (const n of plan.notices) out.err(n);
  if (!plan.sheets.length) {
    out.err(plantillaCli.noTemplates());
    return 2;
  }
  await writeTemplates(wb, plan);
  await saveWorkbook(wb, output);
  for (const s of plan.sheets) out.log(plantillaCli.sheetLine(s.name, s.unitKey, s.periodLabel));
  out.log(plantillaCli.wrote(plan.sheets.length, output));
  return 0;
}
