import { Grid } from './grid';
import { findHeaderBands } from './headers';
import type { Block, ParsedSheet } from './model';
import { parseIndicatorBlock } from './parseIndicators';
import { parseProgrammaticBlock } from './parseProgrammatic';
import type { SheetSnapshot } from './snapshot';

/** Recognises every POA block of a sheet from its contents (never from fixed rows or columns). */
export function parseSheet(snapshot: SheetSnapshot): ParsedSheet {
  const grid = new Grid(snapshot);
  const bands = findHeaderBands(grid);
  const blocks: Block[] = [];
  let preambleTop = grid.firstRow;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i];
    const dataEnd = i + 1 < bands.length ? bands[i + 1].top - 1 : grid.lastRow;
    const block = band.layout === 'indicators'
      ? parseIndicatorBlock(grid, band, preambleTop, dataEnd)
      : parseProgrammaticBlock(grid, band, preambleTop, dataEnd);
    blocks.push(block);
    preambleTop = block.lastRow + 1;
  }
  return { name: snapshot.name, blocks };
}
