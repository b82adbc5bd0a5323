/**
 * Seed-derived workbooks for the Plantilla tests on the Excel fake: built with the fixture builders (ExcelJS),
 * written and re-read as a real .xlsx, read into engine snapshots, then turned into the fake's data. The
 * expected TemplatePlan is computed in Node from the same snapshots, as the add-in computes it.
 */
import type ExcelJS from 'exceljs';
import { validateWorkbook } from '../../src/domain/engine';
import type { SheetSnapshot } from '../../src/domain/snapshot';
import { DEFAULT_OPTIONS } from '../../src/domain/options';
import { buildTemplates, type TemplateOptions, type TemplatePlan } from '../../src/domain/template';
import { fakeSheetOf } from '../fakes/fromSnapshot';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import type { FakeSheetData, FakeWorkbookData } from '../fakes/excelFake';
import { roundTrip } from '../fixtures/buildWorkbook';


export interface TemplateWorkbook {
  snapshots: SheetSnapshot[];
  /** The fake's data; `extra` sheets are appended (e.g. one holding a template's name). */
  data(extra?: FakeSheetData[], active?: string): FakeWorkbookData;
  /** The plan the add-in should make, for a workbook whose sheets are `existing`. */
  plan(existing: string[], options?: TemplateOptions): TemplatePlan;
}

export async function templateWorkbook(source: ExcelJS.Workbook): Promise<TemplateWorkbook> {
  const snapshots = snapshotsOf(await roundTrip(source));
  return {
    snapshots,
    data: (extra = [], active) => ({ sheets: [...snapshots.map(fakeSheetOf), ...extra], ...(active ? { active } : {}) }),
    plan: (existing, options = {}) => {
      const result = validateWorkbook({ snapshots, options: { bands: options.bands ?? DEFAULT_OPTIONS.bands } });
      return buildTemplates(result, { existingNames: existing, ...options });
    },
  };
}
