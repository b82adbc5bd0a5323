/**
 * Applies a TemplatePlan to an ExcelJS workbook: adds the new sheets (existing sheets are never touched),
 * activates the first one and asks spreadsheet programs to recalculate on open.
 */
import type ExcelJS from 'exceljs';
import { cellAddress } from '../domain/address';
import type { CellRange, TemplateCell, TemplatePlan, TemplateRule, TemplateSheet } from '../domain/template/types';
import { plantillaCli } from '../i18n/plantilla.es-MX';
import { solidFill } from './cellState';

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };

function rangeRef(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.bottom === r.top && r.right === r.left ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** A fresh style object for each cell: ExcelJS shares style objects between cells, so none is mutated. */
function styleOf(c: TemplateCell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (c.numberFormat) style.numFmt = c.numberFormat;
  if (c.bold) style.font = { bold: true };
  if (c.fill) style.fill = solidFill(c.fill);
  if (c.horizontal || c.wrap || c.border) {
    style.alignment = { vertical: c.border ? 'top' : 'middle', wrapText: !!c.wrap, ...(c.horizontal ? { horizontal: c.horizontal } : {}) };
  }
  if (c.border) style.border = { top: { ...THIN }, left: { ...THIN }, bottom: { ...THIN }, right: { ...THIN } };
  if (c.locked === false) style.protection = { locked: false };
  return style;
}

function writeCell(ws: ExcelJS.Worksheet, c: TemplateCell): void {
  const cell = ws.getCell(c.row, c.col);
  if (c.formula) {
    const result = c.result === null || c.result === undefined ? undefined : c.result;
    cell.value = { formula: c.formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
  } else if (typeof c.value === 'string') {
    // A string is text, never a formula: "=HYPERLINK(…)", "+52 686…", "-" and "@x" are stored as shared strings.
    cell.value = { richText: [{ text: c.value }] };
  } else if (c.value !== undefined) cell.value = c.value;
  cell.style = styleOf(c) as ExcelJS.Style;
}

function ruleOf(rule: TemplateRule, priority: number): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: rule.fill } } };
  if (rule.fontColor) style.font = { color: { argb: rule.fontColor } };
  if (rule.type === 'expression') return { type: 'expression', priority, formulae: [rule.formula], style };
  return { type: 'cellIs', operator: 'equal', priority, formulae: [`"${rule.text.replace(/"/g, '""')}"`], style };
}

async function addSheet(wb: ExcelJS.Workbook, t: TemplateSheet): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: t.frozenRows, topLeftCell: `A${t.frozenRows + 1}`, activeCell: 'A1' }],
    pageSetup: {
      orientation: t.pageSetup.orientation,
      fitToPage: true,
      fitToWidth: t.pageSetup.fitToWidth,
      fitToHeight: t.pageSetup.fitToHeight,
      printTitlesRow: `${t.printTitleRows.first}:${t.printTitleRows.last}`,
    },
  });
  for (const w of t.columnWidths) ws.getColumn(w.col).width = w.width;
  for (const h of t.rowHeights) ws.getRow(h.row).height = h.height;
  for (const c of t.cells) writeCell(ws, c);
  for (const m of t.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const v of t.dataValidations) {
    const dv: ExcelJS.DataValidation = {
      type: v.type, operator: v.operator, formulae: [v.value], allowBlank: v.allowBlank,
      showErrorMessage: true, errorStyle: 'stop', errorTitle: v.errorTitle, error: v.error,
      showInputMessage: true, promptTitle: v.promptTitle, prompt: v.prompt,
    };
    for (let r = v.range.top; r <= v.range.bottom; r++) for (let c = v.range.left; c <= v.range.right; c++) ws.getCell(r, c).dataValidation = { ...dv, formulae: [...dv.formulae] };
  }
  let priority = 1;
  for (const cf of t.conditionalFormats) ws.addConditionalFormatting({ ref: rangeRef(cf.range), rules: cf.rules.map((r) => ruleOf(r, priority++)) });
  if (t.protect) {
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return ws;
}

/** Adds every sheet of the plan after the existing ones; throws before adding anything if a name is taken. */
export async function writeTemplates(wb: ExcelJS.Workbook, plan: TemplatePlan): Promise<ExcelJS.Worksheet[]> {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLocaleLowerCase('es-MX')));
  for (const t of plan.sheets) {
    if (taken.has(t.name.toLocaleLowerCase('es-MX'))) throw new Error(plantillaCli.sheetExists(t.name));
    taken.add(t.name.toLocaleLowerCase('es-MX'));
  }
  const added: ExcelJS.Worksheet[] = [];
  for (const t of plan.sheets) added.push(await addSheet(wb, t));
  if (added.length) {
    // Only the first new sheet is selected: a second selected tab would group the sheets in Excel.
    for (const ws of wb.worksheets) {
      const views = ws.views ?? [];
      if (views.some((v) => (v as { tabSelected?: boolean }).tabSelected)) ws.views = views.map((v) => ({ ...v, tabSelected: false }));
    }
    added[0].views = added[0].views.map((v) => ({ ...v, tabSelected: true }));
    const index = wb.worksheets.indexOf(added[0]);
    wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
    wb.calcProperties.fullCalcOnLoad = true;
  }
  return added;
}
