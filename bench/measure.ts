/** Engine and file figures for one workbook file. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { validateWorkbook } from '../src/domain/engine';
import { snapshotsOf } from '../src/xlsx/readSnapshots';

export interface EngineFigures {
  rows: number;
  loadMs: number;
  snapshotMs: number;
  engineMs: number;
  findings: number;
  planCells: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** ExcelJS's own load time, the snapshot, then the engine (parse, recalculation, findings, plan). Best of `runs`. */
export async function measureEngine(file: string, rows: number, runs = 3): Promise<EngineFigures> {
  let best: EngineFigures | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const t1 = now();
    const snapshots = snapshotsOf(wb);
    const t2 = now();
    const result = validateWorkbook({ snapshots });
    const t3 = now();
    const fig: EngineFigures = {
      rows,
      loadMs: t1 - t0,
      snapshotMs: t2 - t1,
      engineMs: t3 - t2,
      findings: result.summary.error + result.summary.warning + result.summary.info,
      planCells: result.plan.writes.length + result.plan.fills.length + result.plan.notes.length,
    };
    const fastestLoad = Math.min(fig.loadMs, best ? best.loadMs : Infinity);
    if (!best || fig.engineMs < best.engineMs) best = fig;
    best.loadMs = fastestLoad;
  }
  return best as EngineFigures;
}

export interface CliFigures {
  wallMs: number;
  peakRssMb: number;
  exitCode: number | null;
}

/** `poa validar` end to end in a child process, with its peak resident memory. */
export function measureCli(file: string, output: string): CliFigures {
  const probe = `const {run}=require(${JSON.stringify(path.join(__dirname, '..', 'src', 'cli', 'main.js'))});` +
    `run(process.argv.slice(1),{log(){},err(){}}).then(c=>{process.stderr.write('RSS '+process.resourceUsage().maxRSS+'\\n');process.exit(c)})`;
  const t0 = now();
  const r = spawnSync(process.execPath, ['-e', probe, 'validar', file, '--salida', output], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = now() - t0;
  const m = /RSS (\d+)/.exec(r.stderr ?? '');
  return { wallMs, peakRssMb: m ? Number(m[1]) / 1024 : NaN, exitCode: r.status };
}
