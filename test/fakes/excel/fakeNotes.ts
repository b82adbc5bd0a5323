/**
 * Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10) of the fake: a collection per
 * workbook or worksheet, items with `content`, `delete()` and `getLocation()`. One note or
 * comment per cell; adding a second one to a cell fails, as in Excel.
 */
import { parseLocalRange, splitSheet } from './fakeAddress';
import { FakeClientObject, FakeCollection, type FakeRequestContext } from './fakeContext';
import { FakeError } from './fakeErrors';
import { FakeRange } from './fakeRange';
import { type FakeAnnotation, type FakeSheet, assertWritable, cellKey, keyCol, keyRow } from './fakeState';

export type AnnotationKind = 'notes' | 'comments';

const REQUIRED: Record<AnnotationKind, string> = { notes: '1.18', comments: '1.10' };

export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Using an API the host does not support fails, as it would in an older Excel. */
export function requireApi(context: FakeRequestContext, kind: AnnotationKind): void {
  if (!versionAtLeast(context.state.apiVersion, REQUIRED[kind])) {
    throw new FakeError('ApiNotFound', `${kind} needs ExcelApi ${REQUIRED[kind]}; this host supports ${context.state.apiVersion}.`);
  }
}

function mapOf(sheet: FakeSheet, kind: AnnotationKind): Map<number, FakeAnnotation> {
  return kind === 'notes' ? sheet.notes : sheet.comments;
}

function find(context: FakeRequestContext, kind: AnnotationKind, id: number): { sheet: FakeSheet; key: number; a: FakeAnnotation } | null {
  for (const sheet of context.state.sheets) {
    for (const [key, a] of mapOf(sheet, kind)) if (a.id === id) return { sheet, key, a };
  }
  return null;
}

export class FakeAnnotationCollection extends FakeCollection<FakeAnnotationItem> {
  constructor(
    context: FakeRequestContext,
    private readonly _annotation: AnnotationKind,
    private readonly _scope: () => FakeSheet[],
    /** The sheet of a worksheet-level collection (addresses without a sheet name); null for the workbook. */
    private readonly _sheet: (() => FakeSheet) | null,
  ) {
    super(context, _annotation === 'notes' ? 'NoteCollection' : 'CommentCollection');
  }

  protected _list(): FakeAnnotationItem[] {
    const out: FakeAnnotationItem[] = [];
    for (const sheet of this._scope()) {
      const entries = [...mapOf(sheet, this._annotation).entries()].sort((a, b) => a[0] - b[0]);
      for (const [, a] of entries) out.push(new FakeAnnotationItem(this.context, this._annotation, a.id));
    }
    return out;
  }

  add(cellAddress: FakeRange | string, content: string): FakeAnnotationItem {
    const state = this.context.state;
    let id = -1;
    const item = new FakeAnnotationItem(this.context, this._annotation, () => id);
    const arg = typeof cellAddress === 'string' ? cellAddress : `#${cellAddress._id}`;
    this.context.enqueue(`${this._kind}.add`, { i: item._id, p: this._id, m: 'add', a: [arg, content] }, () => {
      const { sheet, row, col } = this._cell(cellAddress);
      assertWritable(sheet);
      const map = mapOf(sheet, this._annotation);
      const key = cellKey(row, col);
      if (map.has(key)) throw new FakeError('InvalidArgument', `The cell already has a ${this._annotation === 'notes' ? 'note' : 'comment'}.`);
      id = state.nextId();
      map.set(key, { id, content: String(content) });
    });
    return item;
  }

  private _cell(address: FakeRange | string): { sheet: FakeSheet; row: number; col: number } {
    let sheet: FakeSheet | undefined;
    let rect;
    if (typeof address === 'string') {
      const parts = splitSheet(address);
      sheet = parts.sheet !== null ? this.context.state.sheet(parts.sheet) : this._sheet?.();
      if (!sheet) throw new FakeError('InvalidArgument', `The address "${address}" must include the sheet name.`);
      rect = parseLocalRange(parts.local);
    } else {
      const t = address._resolve();
      if (!t) throw new FakeError('ItemNotFound', 'The range does not exist.');
      sheet = t.sheet;
      rect = t.rects[0];
    }
    if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeError('InvalidArgument', 'The range must be a single cell.');
    return { sheet, row: rect.top, col: rect.left };
  }
}

export class FakeAnnotationItem extends FakeClientObject {
  private readonly _idOf: () => number;

  constructor(
    context: FakeRequestContext,
    private readonly _annotation: AnnotationKind,
    id: number | (() => number),
  ) {
    super(context, _annotation === 'notes' ? 'Note' : 'Comment');
    this._idOf = typeof id === 'number' ? () => id : id;
  }

  private get _found(): { sheet: FakeSheet; key: number; a: FakeAnnotation } {
    const f = find(this.context, this._annotation, this._idOf());
    if (!f) throw new FakeError('ItemNotFound', `The ${this._annotation === 'notes' ? 'note' : 'comment'} does not exist.`);
    return f;
  }

  protected _scalars(): Record<string, () => unknown> {
    return { content: () => this._found.a.content, authorName: () => 'Usuario de prueba' };
  }

  get content(): string { return this._get('content'); }
  set content(v: string) {
    this._set('content', v, () => {
      const f = this._found;
      assertWritable(f.sheet);
      f.a.content = String(v);
    });
  }
  get authorName(): string { return this._get('authorName'); }

  delete(): void {
    this._call('delete', [], () => {
      const f = this._found;
      assertWritable(f.sheet);
      mapOf(f.sheet, this._annotation).delete(f.key);
    });
  }

  getLocation(): FakeRange {
    const range = new FakeRange(this.context, () => {
      const f = find(this.context, this._annotation, this._idOf());
      if (!f) return null;
      const row = keyRow(f.key);
      const col = keyCol(f.key);
      return { sheet: f.sheet, rects: [{ top: row, left: col, bottom: row, right: col }] };
    });
    return this._child(range, 'getLocation');
  }
}
