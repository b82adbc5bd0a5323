import ExcelJS from 'exceljs';
import { validateWorkbook, type ValidationResult } from '../../src/domain/engine';
import type { Finding, FindingCode } from '../../src/domain/findings';
import type { EngineOptions } from '../../src/domain/options';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import { addIndicatorSheet, addProgrammaticSheet, cloneBlocks, roundTrip, type IndicatorSheetOptions, type ProgrammaticSheetOptions } from '../fixtures/buildWorkbook';
import { loadIndicatorSeed, blockUnit, type SeedIndicatorBlock } from '../fixtures/seedIndicators';
import { loadProgrammaticSeed, programmaticUnitKey, type SeedProgrammaticBlock } from '../fixtures/seedProgrammatic';

/** Seed blocks of format A for one unit, in seed order (a fresh copy to mutate). */
export function unitBlocks(key: string): SeedIndicatorBlock[] {
  return cloneBlocks(loadIndicatorSeed().filter((b) => blockUnit(b).key === key));
}

/** Seed blocks of format B for one unidad ejecutora (fresh copy). */
export function executingBlocks(key: string): SeedProgrammaticBlock[] {
  return cloneBlocks(loadProgrammaticSeed().filter((b) => programmaticUnitKey(b) === key));
}

/** A workbook with one sheet of format A blocks, written and re-read as a real .xlsx. */
export async function indicatorWorkbook(blocks: SeedIndicatorBlock[], opts: IndicatorSheetOptions = {}, name = 'POA'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  addIndicatorSheet(wb, name, blocks, opts);
  return roundTrip(wb);
}

export async function programmaticWorkbook(blocks: SeedProgrammaticBlock[], opts: ProgrammaticSheetOptions = {}, name = 'TMM-F004'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  addProgrammaticSheet(wb, name, blocks, opts);
  return roundTrip(wb);
}

export function validate(wb: ExcelJS.Workbook, options?: Partial<EngineOptions>, targetSheets?: string[]): ValidationResult {
  return validateWorkbook({ snapshots: snapshotsOf(wb), options, targetSheets });
}

export function allFindings(result: ValidationResult): Finding[] {
  return result.sheets.flatMap((s) => s.findings);
}

export function findingsOf(result: ValidationResult, code: FindingCode): Finding[] {
  return allFindings(result).filter((f) => f.code === code);
}

/** Value the plan writes into a cell, if any. */
export function writtenValue(result: ValidationResult, sheet: string, address: string): number | string | null | undefined {
  const { row, col } = parse(address);
  const w = result.plan.writes.find((x) => x.sheet === sheet && x.row === row && x.col === col);
  return w ? w.value : undefined;
}

function parse(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}
