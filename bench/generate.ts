/**
 * Large POA workbooks for the benchmarks, made from the seed rows: format A spread over 12 monthly
 * sheets (one block per sheet, the seed's units repeated with new claves), and format B blocks.
 */
import ExcelJS from 'exceljs';
import { addIndicatorSheet, addProgrammaticSheet, cloneBlocks } from '../test/fixtures/buildWorkbook';
import { loadIndicatorSeed, type SeedIndicatorBlock, type SeedIndicatorRow } from '../test/fixtures/seedIndicators';
import { loadProgrammaticSeed, isDataRow, type ProgrammaticDataRow, type SeedProgrammaticBlock } from '../test/fixtures/seedProgrammatic';

const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** Monthly seed rows (format A), used as templates. */
function monthlyTemplates(): { block: SeedIndicatorBlock; rows: SeedIndicatorRow[] } {
  const blocks = loadIndicatorSeed().filter((b) => /^[a-z]{3}-\d\d$/.test(b.period));
  const rows = blocks.flatMap((b) => b.rows.map((r, i) => (i === 0 ? r : { ...r, lineOfAction: b.rows[0].lineOfAction, objective: b.rows[0].objective, unitKey: b.rows[0].unitKey, unitName: b.rows[0].unitName })));
  return { block: blocks[0], rows };
}

/** A format A workbook with `totalRows` data rows over 12 monthly sheets, accumulated figures consistent. */
export function indicatorWorkbook(totalRows: number): ExcelJS.Workbook {
  const { block, rows } = monthlyTemplates();
  const perMonth = Math.max(1, Math.round(totalRows / 12));
  const wb = new ExcelJS.Workbook();
  const acc = new Array<number>(perMonth).fill(0);
  for (let m = 0; m < 12; m++) {
    const b: SeedIndicatorBlock = cloneBlocks(block);
    b.period = `${MONTHS[m]}-25`;
    b.rows = [];
    for (let i = 0; i < perMonth; i++) {
      const t = rows[i % rows.length];
      const unit = String(1000 + Math.floor(i / 5));
      const target = Number(t.target.replace(/,/g, '')) || 1;
      // Most rows near the goal (green), one in five outside the band, half of those justified.
      const spread = (i * 7 + m * 3) % 20;
      const outside = spread >= 16;
      const actual = Math.round(target * (outside ? (spread % 2 ? 0.6 : 1.4) : 0.92 + spread / 100));
      acc[i] += (actual / target) * 8.33;
      b.rows.push({
        ...t,
        lineOfAction: i % 5 === 0 ? t.lineOfAction || '44' : '',
        objective: i % 5 === 0 ? t.objective || 'OBJETIVO' : '',
        unitKey: i % 5 === 0 ? unit : '',
        unitName: i % 5 === 0 ? `UNIDAD ${unit}` : '',
        indicatorName: `${t.indicatorName} ${i % 5}`,
        target: String(target),
        actual: String(actual),
        absolute: '8.33%',
        accumulated: `${acc[i].toFixed(2)}%`,
        observations: outside && spread % 4 < 2 ? 'SE REPROGRAMARON LAS BRIGADAS POR FALTA DE VEHICULOS EN EL PERIODO' : t.observations,
      });
    }
    addIndicatorSheet(wb, `${MONTHS[m]}-25`, [b], { mergeUnits: false });
  }
  return wb;
}

/** A TMM-F004 workbook with `totalRows` data rows, 25 rows per unidad ejecutora block, 20 blocks per sheet. */
export function programmaticWorkbook(totalRows: number): ExcelJS.Workbook {
  const seed = loadProgrammaticSeed();
  const template: SeedProgrammaticBlock = cloneBlocks(seed[0]);
  const rows = seed.flatMap((b) => b.rows.filter(isDataRow)) as ProgrammaticDataRow[];
  const wb = new ExcelJS.Workbook();
  const perBlock = 25;
  const blocks: SeedProgrammaticBlock[] = [];
  for (let start = 0, k = 0; start < totalRows; start += perBlock, k++) {
    const b = cloneBlocks(template);
    b.labels = b.labels.map((l) => (l.label.startsWith('UNIDAD EJECUTORA') ? { ...l, key: String(500 + k) } : l));
    b.rows = [];
    for (let i = 0; i < Math.min(perBlock, totalRows - start); i++) b.rows.push(cloneBlocks(rows[(start + i) % rows.length]));
    blocks.push(b);
  }
  for (let s = 0; s * 20 < blocks.length; s++) addProgrammaticSheet(wb, `TMM-F004 ${s + 1}`, blocks.slice(s * 20, s * 20 + 20));
  return wb;
}
