/** RangeFormat, RangeFill and RangeFont of a Range or RangeAreas. */
import { FakeClientObject, type FakeRequestContext } from './fakeContext';
import { type CellsTarget, type Resolver, eachCell, must, uniform } from './fakeRange';
import { assertWritable, cellAt, normalizeColor, tidy } from './fakeState';

export class FakeRangeFormat extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'RangeFormat');
  }

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }

  protected override _navNames(): readonly string[] {
    return ['fill', 'font'];
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    if (name === 'fill') return new FakeRangeFill(this.context, this._resolve);
    if (name === 'font') return new FakeRangeFont(this.context, this._resolve);
    return undefined;
  }

  get fill(): FakeRangeFill { return this._nav('fill'); }
  get font(): FakeRangeFont { return this._nav('font'); }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'RangeFill');
  }

  protected _scalars(): Record<string, () => unknown> {
    let cached: CellsTarget | undefined;
    const t = (): CellsTarget => (cached ??= must(this._resolve));
    return {
      // No fill reads as white, like Excel; tintAndShade is null only for "no fill".
      color: () => uniform(t(), (r, c) => cellAt(t().sheet, r, c)?.fill ?? '#FFFFFF'),
      tintAndShade: () => uniform(t(), (r, c) => (cellAt(t().sheet, r, c)?.fill ? 0 : null)),
      pattern: () => uniform(t(), (r, c) => (cellAt(t().sheet, r, c)?.fill ? 'Solid' : 'None')),
    };
  }

  get color(): string { return this._get('color'); }
  set color(v: string) {
    this._set('color', v, () => {
      const t = must(this._resolve);
      assertWritable(t.sheet);
      const color = normalizeColor(v);
      eachCell(t, (r, c) => {
        cellAt(t.sheet, r, c, true).fill = color;
      });
    });
  }
  get tintAndShade(): number | null { return this._get('tintAndShade'); }
  get pattern(): string { return this._get('pattern'); }

  clear(): void {
    this._call('clear', [], () => {
      const t = must(this._resolve);
      assertWritable(t.sheet);
      eachCell(t, (r, c) => {
        const cell = cellAt(t.sheet, r, c);
        if (cell) delete cell.fill;
        tidy(t.sheet, r, c);
      }, true);
    });
  }
}

export class FakeRangeFont extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'RangeFont');
  }

  protected _scalars(): Record<string, () => unknown> {
    let cached: CellsTarget | undefined;
    const t = (): CellsTarget => (cached ??= must(this._resolve));
    return { bold: () => uniform(t(), (r, c) => cellAt(t().sheet, r, c)?.bold ?? false) };
  }

  get bold(): boolean { return this._get('bold'); }
  set bold(v: boolean) {
    this._set('bold', v, () => {
      const t = must(this._resolve);
      assertWritable(t.sheet);
      eachCell(t, (r, c) => {
        const cell = cellAt(t.sheet, r, c, true);
        if (v) cell.bold = true;
        else delete cell.bold;
        tidy(t.sheet, r, c);
      }, !v);
    });
  }
}
