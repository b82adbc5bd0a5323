import path from 'path';
import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import { validateWorkbook } from '../domain/engine';
import type { ChangePlan } from '../domain/plan';
import { DEFAULT_OPTIONS, SEMAFORO_PRESETS, type EngineOptions } from '../domain/options';
import { cli } from '../i18n/es-MX';
import { applyPlan, readJournal, undoJournal } from '../xlsx/applyPlan';
import { snapshotsOf } from '../xlsx/readSnapshots';
import { WorkbookOpenError, openWorkbook, saveWorkbook } from '../xlsx/workbookFile';
import { parseArgs, UsageError, type UndoArgs, type ValidateArgs } from './args';
import { jsonReport, summaryLines } from './summary';
import { runTemplate } from './plantilla';

type Out = { log: (s: string) => void; err: (s: string) => void };
const defaultOut: Out = { log: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

function defaultOutput(file: string, suffix: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.${suffix}${ext || '.xlsx'}`);
}

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

interface Analysis {
  plan: ChangePlan;
  lines: string[];
  json: string | null;
  exitCode: number;
}

/** Engine run on the open workbook; returns only what is still needed afterwards, so snapshots and parsed blocks can be freed. */
function analyze(wb: ExcelJS.Workbook, args: ValidateArgs): Analysis | null {
  const snapshots = snapshotsOf(wb);
  for (const s of args.sheets) if (!snapshots.some((x) => x.name === s)) throw new UsageError(cli.sheetMissing(s));
  const options: EngineOptions = {
    tolerancePp: args.tolerancePp ?? DEFAULT_OPTIONS.tolerancePp,
    bands: args.preset ? SEMAFORO_PRESETS[args.preset] : DEFAULT_OPTIONS.bands,
  };
  const result = validateWorkbook({ snapshots, options, targetSheets: args.sheets.length ? args.sheets : undefined });
  if (!result.parsed.some((s) => s.blocks.length)) return null;
  return {
    plan: result.plan,
    lines: summaryLines(result),
    json: args.json ? `${JSON.stringify(jsonReport(args.file, result), null, 2)}\n` : null,
    exitCode: result.summary.error > 0 ? 1 : 0,
  };
}

async function validate(args: ValidateArgs, out: Out): Promise<number> {
  const output = args.output ?? defaultOutput(args.file, 'validado');
  if (sameFile(output, args.file)) throw new UsageError(cli.sameOutput());
  const wb = await openWorkbook(args.file);
  undoJournal(wb); // a previous run's changes are undone first: running twice equals running once
  const analysis = analyze(wb, args);
  if (!analysis) {
    out.err(cli.noPoaSheet(args.file));
    return 2;
  }
  const jsonToStdout = args.json === '-';
  const print = jsonToStdout ? out.err : out.log;
  for (const line of analysis.lines) print(line);
  applyPlan(wb, analysis.plan);
  analysis.plan = { writes: [], fills: [], notes: [] }; // free it before ExcelJS builds the file
  await saveWorkbook(wb, output);
  print(cli.wrote(output));
  if (args.json && analysis.json) {
    if (jsonToStdout) out.log(analysis.json.trimEnd());
    else {
      await fs.writeFile(args.json, analysis.json, 'utf8');
      print(cli.wroteJson(args.json));
    }
  }
  return analysis.exitCode;
}

async function undo(args: UndoArgs, out: Out): Promise<number> {
  const output = args.output ?? defaultOutput(args.file, 'restaurado');
  if (sameFile(output, args.file)) throw new UsageError(cli.sameOutput());
  const wb = await openWorkbook(args.file);
  if (!readJournal(wb).length) {
    out.err(cli.noJournal(args.file));
    return 2;
  }
  const restored = undoJournal(wb);
  await saveWorkbook(wb, output);
  out.log(cli.restored(restored, output));
  return 0;
}

/** Runs the `poa` command; resolves to the exit code. Never throws. */
export async function run(argv: string[], out: Out = defaultOut): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      out.log(cli.usage);
      return 0;
    }
    if (args.command === 'plantilla') return await runTemplate(args, out);
    return args.command === 'validar' ? await validate(args, out) : await undo(args, out);
  } catch (err) {
    if (err instanceof UsageError) out.err(err.message);
    else if (err instanceof WorkbookOpenError) {
      const message = { 'not-found': cli.notFound, unreadable: cli.unreadable, encrypted: cli.encrypted, 'not-xlsx': cli.notXlsx }[err.kind];
      out.err(message(err.file));
    } else out.err(cli.unexpected(err instanceof Error ? err.message : String(err)));
    return 2;
  }
}
