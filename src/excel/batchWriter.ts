/**
 * Queues write operations and syncs only when the next one would push the request over a
 * budget: Excel on the web rejects requests over 5 MB, so a large plan is split into as few
 * requests as fit. Sizes are estimates (the JSON of the values written plus a fixed overhead).
 */
import type { ExcelSession } from './session';

/** Bytes per request, kept under Excel on the web's 5 MB payload limit with a margin. */
export const REQUEST_BUDGET = 4_000_000;

/** Estimated bytes of one queued operation besides its data (object path, method, ids). */
export const OP_OVERHEAD = 120;

export class BatchWriter {
  private pending = 0;

  constructor(
    private readonly session: ExcelSession,
    private readonly budget = REQUEST_BUDGET,
  ) {}

  /** The largest single operation callers should queue: a quarter of a request, so requests stay full. */
  get maxOpBytes(): number {
    return Math.max(1, Math.floor(this.budget / 4));
  }

  /** Queues `queue` (estimated `bytes`), syncing first if the request would exceed the budget. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    queue();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    await this.session.sync();
  }
}

/** Estimated request bytes of an operation carrying `data`. */
export function estimate(data: unknown): number {
  return OP_OVERHEAD + (typeof data === 'string' ? data.length + 2 : JSON.stringify(data).length);
}
