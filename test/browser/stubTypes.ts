/** What the Office.js stub (officeStub.ts) puts on `window`, shared by the stub and the test that reads it. */
import type { ExcelFake, FakeWorkbookData } from '../fakes/excelFake';

export interface OfficeStubWindow {
  /** Set by the stub script's first line (the test serves `window.__poaWorkbook = {...};` + the bundle). */
  __poaWorkbook?: FakeWorkbookData;
  /** The Excel fake behind the page's `Excel` and `Office` globals: the test reads cells and the selection from it. */
  __poaFake?: ExcelFake;
  /** Callbacks the page passed to Office.onReady, and how many of them were called. */
  __poaOnReady?: { registered: number; called: number };
  /** Set by the hostile text if it ever runs as markup. */
  __pwned?: unknown;
  /** Content-Security-Policy violations seen by the page (recorded by an init script). */
  __cspViolations?: string[];
}
