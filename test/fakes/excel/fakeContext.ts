/**
 * Request context and proxy objects of the Excel fake. As in Office.js, methods and property
 * writes are queued and run in order at `context.sync()`; a property can be read only after
 * `load()` + `sync()`, `isNullObject` only after `sync()`, a collection's `items` only after
 * `load()`. Each sync is measured: operations queued, request bytes (JSON of the queued
 * operations, including the values written) and response bytes (JSON of what was loaded).
 */
import { FakeError, notLoaded } from './fakeErrors';
import type { FakeWorkbookState } from './fakeState';

export interface SyncRecord {
  ops: number;
  requestBytes: number;
  responseBytes: number;
  /** Operations per member ("Worksheet.getRanges", "RangeFill.color", "Range.load"…). */
  members: Record<string, number>;
}

export interface FakeCore {
  state: FakeWorkbookState;
  requests: SyncRecord[];
}

interface QueuedOp {
  json: Record<string, unknown>;
  member: string;
  run?: () => number | void;
}

export class FakeRequestContext {
  private queue: QueuedOp[] = [];
  private lastId = 0;
  /** Set by the workbook module (avoids an import cycle). */
  workbook: unknown;

  constructor(readonly core: FakeCore) {}

  get state(): FakeWorkbookState {
    return this.core.state;
  }

  get pending(): number {
    return this.queue.length;
  }

  nextId(): number {
    return ++this.lastId;
  }

  enqueue(member: string, json: Record<string, unknown>, run?: () => number | void): void {
    this.queue.push({ json, member, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const members: Record<string, number> = {};
    for (const op of ops) members[op.member] = (members[op.member] ?? 0) + 1;
    const record: SyncRecord = {
      ops: ops.length,
      requestBytes: JSON.stringify(ops.map((o) => o.json)).length,
      responseBytes: 0,
      members,
    };
    this.core.requests.push(record);
    await Promise.resolve();
    // Not transactional, like Excel: the operations before a failing one stay applied.
    for (const op of ops) {
      const bytes = op.run?.();
      if (typeof bytes === 'number') record.responseBytes += bytes;
    }
  }

  trackedObjects = { add(): void {}, remove(): void {} };
}

export type LoadSpec = string | string[] | { select?: string; expand?: string } | Record<string, unknown> | undefined;

/** "a, b/c", ["a"], {select, expand}, or load options such as { values: true, format: { fill: { color: true } } }. */
export function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  const obj = spec as Record<string, unknown>;
  if (typeof obj.select === 'string' || typeof obj.expand === 'string') {
    return [...loadPaths(obj.select as string | undefined), ...loadPaths(obj.expand as string | undefined)];
  }
  const out: string[] = [];
  for (const [key, v] of Object.entries(obj)) {
    if (key.startsWith('$')) continue;
    if (v === true) out.push(key);
    else if (v && typeof v === 'object') out.push(...loadPaths(v as Record<string, unknown>).map((p) => `${key}/${p}`));
  }
  return out;
}

export abstract class FakeClientObject {
  readonly _id: number;
  protected readonly _loaded = new Map<string, unknown>();
  /** undefined until synced for *OrNullObject proxies; false for the others. */
  protected _null: boolean | undefined = false;
  private readonly _navCache = new Map<string, FakeClientObject>();

  constructor(
    readonly context: FakeRequestContext,
    readonly _kind: string,
  ) {
    this._id = context.nextId();
  }

  /** Readable properties, evaluated against the workbook when a load runs. */
  protected abstract _scalars(): Record<string, () => unknown>;

  /** Navigation properties (format, fill, protection…), created on first use. */
  protected _createNav(_name: string): FakeClientObject | undefined {
    return undefined;
  }

  protected _navNames(): readonly string[] {
    return [];
  }

  /** True when the target exists (checked for *OrNullObject proxies at sync). */
  protected _exists(): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (this._null === undefined) throw notLoaded('isNullObject');
    return this._null;
  }

  /** Marks this proxy as an *OrNullObject result: whether it is null is known after sync. */
  _nullable(): this {
    this._null = undefined;
    this.context.enqueue(`${this._kind}.resolve`, { i: this._id, m: 'resolve' }, () => {
      this._null = !this._exists();
    });
    return this;
  }

  /** Records the creation of a child proxy (an object path in the request). */
  _child<T extends FakeClientObject>(child: T, member: string, args: unknown[] = []): T {
    this.context.enqueue(`${this._kind}.${member}`, { i: child._id, p: this._id, m: member, a: args });
    return child;
  }

  protected _nav<T extends FakeClientObject>(name: string): T {
    let nav = this._navCache.get(name);
    if (!nav) {
      nav = this._createNav(name);
      if (!nav) throw new FakeError('InvalidArgument', `${this._kind} has no property ${name}`);
      this._navCache.set(name, nav);
      this._child(nav, name);
    }
    return nav as T;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue(`${this._kind}.load`, { i: this._id, m: 'load', a: paths }, () => this._runLoad(paths));
    return this;
  }

  /** Runs a load; returns the response size in bytes. */
  _runLoad(paths: string[]): number {
    if (this._null === true) return 4;
    const scalars = this._scalars();
    const wanted = paths.length === 0 ? Object.keys(scalars) : paths;
    const data: Record<string, unknown> = {};
    let bytes = 0;
    for (const path of wanted) {
      const [head, ...rest] = path.split('/');
      if (rest.length > 0 || this._navNames().includes(head)) {
        bytes += this._nav<FakeClientObject>(head)._runLoad(rest.length ? [rest.join('/')] : []);
        continue;
      }
      const getter = scalars[head];
      if (!getter) throw new FakeError('PropertyNotFound', `${this._kind} has no property '${head}'.`);
      const value = getter();
      this._loaded.set(head, value);
      data[head] = value;
    }
    return bytes + JSON.stringify(data).length;
  }

  protected _get<T>(name: string): T {
    if (this._null === true) throw new FakeError('InvalidObjectPath', `${this._kind} is a null object; check isNullObject first.`);
    if (!this._loaded.has(name)) throw notLoaded(name);
    return this._loaded.get(name) as T;
  }

  /** Queues a property write; `apply` runs at sync. */
  protected _set(name: string, value: unknown, apply: () => void): void {
    this.context.enqueue(`${this._kind}.${name}`, { i: this._id, m: name, v: value }, () => {
      if (this._null === true) throw new FakeError('InvalidObjectPath', `Cannot set ${name} on a null object.`);
      apply();
    });
  }

  /** Queues a method call; `run` executes at sync. */
  protected _call(name: string, args: unknown[], run: () => void): void {
    this.context.enqueue(`${this._kind}.${name}`, { i: this._id, m: name, a: args }, () => {
      if (this._null === true) throw new FakeError('InvalidObjectPath', `Cannot call ${name} on a null object.`);
      run();
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** A collection: `items` is available after `load()` + `sync()`. */
export abstract class FakeCollection<T extends FakeClientObject> extends FakeClientObject {
  private _items: T[] | undefined;

  /** The current members, as proxies bound to stable identities. */
  protected abstract _list(): T[];

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }

  get items(): T[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }

  override _runLoad(paths: string[]): number {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    this._items = this._list();
    let bytes = 2;
    for (const item of this._items) bytes += item._runLoad(itemPaths) + 1;
    return bytes;
  }
}

/** OfficeExtension.ClientResult: `value` is readable after sync. */
export class FakeClientResult<T> {
  private _value: { v: T } | undefined;

  constructor(context: FakeRequestContext, member: string, json: Record<string, unknown>, compute: () => T) {
    context.enqueue(member, json, () => {
      const v = compute();
      this._value = { v };
      return JSON.stringify(v ?? null).length;
    });
  }

  get value(): T {
    if (!this._value) throw notLoaded('value');
    return this._value.v;
  }
}
