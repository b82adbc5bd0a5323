/**
 * Office adapter figures on the in-memory Excel fake: context.sync count, largest request, and the queued
 * highlight operations (they must grow with colours and address chunks, not with cells).
 */
import { DEFAULT_OPTIONS } from '../src/domain/options';
import { createOfficeGateway } from '../src/excel/officeWorkbook';
import { createExcelFake } from '../test/fakes/excelFake';
import { formatASheet } from '../test/excel/formatASheet';

const SIZES = [1000, 10000, 50000];
const FIVE_MB = 5 * 1024 * 1024;

interface OfficeFigures {
  syncs: number;
  largestMb: number;
  fillOps: number;
  fillCells: number;
}

async function measure(rows: number): Promise<OfficeFigures> {
  const fake = createExcelFake({ sheets: [formatASheet({ rows, name: 'ene-25', wrongEvery: 97 })], active: 'ene-25' });
  const uninstall = fake.install(globalThis);
  try {
    const outcome = await createOfficeGateway().validateActiveSheet(DEFAULT_OPTIONS);
    return {
      syncs: outcome.syncs,
      largestMb: fake.largestRequestBytes() / 2 ** 20,
      fillOps: fake.opsCount(/^(RangeFill\.(color|clear)|Worksheet\.getRanges)$/),
      fillCells: outcome.result.plan.fills.length,
    };
  } finally {
    uninstall();
  }
}

export async function rows(): Promise<string[]> {
  const figs: OfficeFigures[] = [];
  for (const n of SIZES) figs.push(await measure(n));
  const cells = (f: (x: OfficeFigures) => string) => figs.map(f).join(' | ');
  return [
    `| add-in validation: context.sync calls | A (fake) | ${cells((x) => String(x.syncs))} | ≤ 3 | ${figs.every((x) => x.syncs <= 3) ? 'yes' : 'NO'} |`,
    `| add-in validation: largest request (MB) | A (fake) | ${cells((x) => x.largestMb.toFixed(2))} | < 5 MB at 50k | ${figs[2].largestMb * 2 ** 20 < FIVE_MB ? 'yes' : 'NO'} |`,
    `| add-in highlights: queued fill operations / filled cells | A (fake) | ${cells((x) => `${x.fillOps} / ${x.fillCells.toLocaleString('en-US')}`)} | grow with colours and chunks | ${figs[2].fillOps < figs[2].fillCells / 100 ? 'yes' : 'NO'} |`,
  ];
}
