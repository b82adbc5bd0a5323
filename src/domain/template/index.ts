export { buildTemplates, type TemplateOptions } from './buildTemplates';
export { parsePeriodChoice, resolveChoice, cutoffOf, sheetPeriodLabel, templatePeriodLabel, type PeriodChoice } from './period';
export { sheetName, cleanSheetName, MAX_SHEET_NAME } from './sheetName';
export { templateUnits, type TemplateUnit } from './sources';
export { isFormulaLike } from './formulas';
export type { CellRange, TemplateCell, TemplateConditionalFormat, TemplatePlan, TemplateRule, TemplateSheet, TemplateValidation } from './types';
