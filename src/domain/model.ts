import type { CellValue } from './snapshot';

export type Layout = 'indicators' | 'programmatic';

export type PeriodKind = 'month' | 'quarter';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1..12 for months, 1..4 for quarters. */
  index: number;
}

/** How a numeric cell was read. */
export type NumberKind = 'number' | 'text-number' | 'empty' | 'not-a-number' | 'error';

export interface NumCell {
  row: number;
  col: number;
  raw: CellValue;
  /** The number (percent cells as fractions: 8.33% -> 0.0833), or null. */
  value: number | null;
  kind: NumberKind;
  formula: string | null;
  numberFormat: string;
  /** True when the cell shows a percentage (percent format or "8.33%" text). */
  percent: boolean;
}

export interface TextCell {
  row: number;
  col: number;
  text: string;
}

/** Format A columns. */
export type IndicatorField =
  | 'lineOfAction'
  | 'objective'
  | 'unitKey'
  | 'unitName'
  | 'action'
  | 'annualGoal'
  | 'absolute'
  | 'accumulated'
  | 'comments'
  | 'indicatorName'
  | 'description'
  | 'target'
  | 'measureUnit'
  | 'frequency'
  | 'actual'
  | 'observations'
  | 'compliance'
  | 'semaforo';

/** Format B columns (P/A per quarter are `planned1..4` / `achieved1..4`). */
export type ProgrammaticField =
  | 'lineOfAction'
  | 'description'
  | 'measureUnit'
  | 'annualGoal'
  | 'planned1' | 'achieved1'
  | 'planned2' | 'achieved2'
  | 'planned3' | 'achieved3'
  | 'planned4' | 'achieved4'
  | 'absolute'
  | 'relative'
  | 'observations'
  | 'compliance'
  | 'semaforo';

export interface ContextLine {
  row: number;
  col: number;
  text: string;
}

interface BlockBase {
  sheet: string;
  /** Rows of the title/context area above the header (inclusive), as found. */
  preambleTop: number;
  headerTop: number;
  headerBottom: number;
  firstCol: number;
  lastCol: number;
  /** Last row that belongs to the block (data, signatures). */
  lastRow: number;
  /** Title and context lines (PROGRAMA OPERATIVO ANUAL 2025, PILAR..., RAMO...). */
  context: ContextLine[];
  /** Header cells (text) as they are on the sheet, to copy into templates. */
  headerCells: ContextLine[];
  year: number | null;
}

export interface IndicatorRow {
  row: number;
  unitKey: string;
  unitName: string;
  lineOfAction: string;
  objective: string;
  /** The operational action (inherited from above on continuation rows). */
  action: string;
  /** True when the action cell is blank and the row continues the action above. */
  continuation: boolean;
  comments: string;
  indicatorName: string;
  description: TextCell | null;
  measureUnit: string;
  frequency: TextCell | null;
  annualGoal: NumCell | null;
  absolute: NumCell | null;
  accumulated: NumCell | null;
  target: NumCell | null;
  actual: NumCell | null;
  observations: TextCell | null;
}

export interface IndicatorBlock extends BlockBase {
  layout: 'indicators';
  columns: Partial<Record<IndicatorField, number>>;
  period: Period | null;
  /** Where the period was read, to move it in templates. */
  periodCell: { row: number; col: number } | null;
  rows: IndicatorRow[];
}

export interface ProgrammaticRow {
  row: number;
  lineOfAction: string;
  description: string;
  measureUnit: string;
  annualGoal: NumCell | null;
  planned: (NumCell | null)[];
  achieved: (NumCell | null)[];
  absolute: NumCell | null;
  relative: NumCell | null;
  observations: TextCell | null;
}

export interface ProgrammaticBlock extends BlockBase {
  layout: 'programmatic';
  columns: Partial<Record<ProgrammaticField, number>>;
  unitKey: string;
  unitName: string;
  /** Cut-off (FECHA) as a calendar date, and where it was read. */
  cutoff: { year: number; month: number; day: number } | null;
  cutoffCell: { row: number; col: number } | null;
  /** 1..4: quarter of the cut-off. */
  cutoffQuarter: number | null;
  rows: ProgrammaticRow[];
  /** Rows of the ELABORÓ / REVISÓ / AUTORIZÓ block. */
  signatureRows: number[];
  /** Texts of the signature block (headings, roles, names), to copy into templates. */
  signatureLines?: ContextLine[];
}

export type Block = IndicatorBlock | ProgrammaticBlock;

export interface ParsedSheet {
  name: string;
  blocks: Block[];
}
