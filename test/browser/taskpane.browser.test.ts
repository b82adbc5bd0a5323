/**
 * The task pane in a real browser (Debian Chromium through playwright-core), on the production build.
 *
 * dist/ (rebuilt when missing or older than src/) is served from 127.0.0.1; the page's office.js request
 * is answered with the Office.js stub (test/browser/officeStub.ts, bundled by webpack.stub.config.js):
 * the in-memory Excel fake built from a seed-derived workbook (see workbook.ts), installed as `Excel` and
 * `Office`, reachable as `window.__poaFake`. The engine's counts for the same snapshots are computed here
 * in Node and compared with what the pane shows; the fake is read back for the corrected cell, the note,
 * the selection and the undo. Every request the page makes is recorded: only the local server and the
 * (intercepted) office.js URL are allowed.
 *
 * Without /usr/bin/chromium the browser tests are skipped with a message, except under CI (process.env.CI),
 * where they run and fail.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ValidationResult } from '../../src/domain/engine';
import type { Finding, Severity } from '../../src/domain/findings';
import { excelMessages } from '../../src/i18n/excel.es-MX';
import { UI } from '../../src/i18n/ui.es-MX';
import { PAGE_SIZE } from '../../src/taskpane/components/FindingsView';
import { allFindings } from '../../src/taskpane/model';
import { type FakeCellData, type FakeWorkbookData, createExcelFake } from '../fakes/excelFake';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  DIST,
  OFFICE_JS_URL,
  OUTPUT_DIR,
  type StaticServer,
  buildOfficeStub,
  cspOf,
  ensureTaskpaneBuild,
  scriptSources,
  serveDir,
} from './harness';
import type { OfficeStubWindow } from './stubTypes';
import { type BrowserWorkbook, HOSTILE, NOTES_SHEET, POA_SHEET, PRINTED_FEB, RECOMPUTED_FEB, buildBrowserWorkbook } from './workbook';

jest.setTimeout(180_000);

const chromiumPresent = fs.existsSync(CHROMIUM);
const underCi = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? '');
if (!chromiumPresent && !underCi) {
  console.warn(
    `[browser] ${CHROMIUM} not found: the task pane browser tests are SKIPPED. ` +
      'Install Debian Chromium (apt-get install chromium) to run them; under CI (CI set) they are required.',
  );
}
const describeBrowser = chromiumPresent || underCi ? describe : describe.skip;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

let server: StaticServer;

beforeAll(async () => {
  const how = await ensureTaskpaneBuild();
  if (how === 'built') console.log('[browser] dist/ was missing or older than its sources: rebuilt with webpack --mode production');
  server = await serveDir(DIST);
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe('taskpane.html as served', () => {
  test("has a Content-Security-Policy whose script-src allows only 'self' and the Office.js host, without 'unsafe-eval'", async () => {
    const res = await fetch(`${server.origin}/taskpane.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const csp = cspOf(html);
    expect(csp).not.toBeNull();
    const scriptSrc = csp!.get('script-src') ?? csp!.get('default-src');
    expect([...(scriptSrc ?? [])].sort()).toEqual(["'self'", 'https://appsforoffice.microsoft.com'].sort());
    for (const [name, values] of csp!) {
      expect({ name, unsafeEval: values.some((v) => v.toLowerCase() === "'unsafe-eval'") }).toEqual({ name, unsafeEval: false });
    }
    // The page loads office.js from that host and its own bundle from 'self' (nothing inline).
    const scripts = scriptSources(html);
    expect(scripts[0]).toBe(OFFICE_JS_URL);
    expect(scripts.slice(1).length).toBeGreaterThan(0);
    expect(scripts.slice(1).every((src) => !src.includes(':') && fs.existsSync(path.join(DIST, src)))).toBe(true);
    expect(html.match(/<script\b/gi)).toHaveLength(scripts.length);
  });
});

/* ------------------------------------------------------------------ browser */

type Shown = { code?: string; cell?: string; unit?: string; severity?: string; current: string | null; text: string };

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every URL the page (or a worker of it) requested. */
  requests: string[];
  pageErrors: string[];
}

describeBrowser('task pane in Chromium on the Excel fake', () => {
  let browser: Browser;
  let stub: string;
  let workbook: BrowserWorkbook;
  let expected: ValidationResult;
  const opened: Opened[] = [];

  beforeAll(async () => {
    if (!chromiumPresent) throw new Error(`CI: Chromium is required for the task pane browser test and ${CHROMIUM} is missing (.ci/run installs it).`);
    [stub, workbook] = await Promise.all([buildOfficeStub(), buildBrowserWorkbook()]);
    expected = workbook.expected(POA_SHEET);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  }, 300_000);

  afterEach(async () => {
    for (const o of opened.splice(0)) await o.context.close().catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A page whose office.js is the stub over `data`; any other non-local request is recorded and refused. */
  async function open(data: FakeWorkbookData, query = ''): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: 'es-MX', deviceScaleFactor: 1 });
    const requests: string[] = [];
    const pageErrors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS_URL) {
        await route.fulfill({
          status: 200,
          contentType: 'text/javascript; charset=utf-8',
          body: `window.__poaWorkbook = ${JSON.stringify(data)};\n${stub}`,
        });
      } else if (new URL(url).origin === server.origin) {
        await route.continue();
      } else {
        await route.abort('blockedbyclient');
      }
    });
    await context.addInitScript(() => {
      const w = window as unknown as OfficeStubWindow;
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const o = { page, context, requests, pageErrors };
    opened.push(o);
    await page.goto(`${server.origin}/taskpane.html${query}`);
    return o;
  }

  /** The network, CSP, Office.onReady and error checks every test ends with. */
  async function expectCleanRun(o: Opened): Promise<void> {
    const foreign = o.requests.filter((u) => u !== OFFICE_JS_URL && new URL(u).origin !== server.origin);
    expect(foreign).toEqual([]);
    expect(o.requests.filter((u) => u === OFFICE_JS_URL)).toHaveLength(1);
    expect(o.requests.some((u) => u.startsWith(`${server.origin}/taskpane.html`))).toBe(true);
    const state = await o.page.evaluate(() => {
      const w = window as unknown as OfficeStubWindow;
      return { csp: w.__cspViolations, onReady: w.__poaOnReady, pwned: w.__pwned === undefined ? 'undefined' : String(w.__pwned) };
    });
    expect(state).toEqual({ csp: [], onReady: { registered: 1, called: 1 }, pwned: 'undefined' });
    expect(o.pageErrors).toEqual([]);
  }

  const fakeCell = (page: Page, sheet: string, address: string): Promise<Required<FakeCellData>> =>
    page.evaluate(([s, a]) => (window as unknown as OfficeStubWindow).__poaFake!.cell(s, a), [sheet, address] as const);

  const selection = (page: Page): Promise<{ sheet: string; address: string } | null> =>
    page.evaluate(() => (window as unknown as OfficeStubWindow).__poaFake!.state.selection);

  /** Waits (up to 10 s) until the fake's selection is `address`; the assertion after it reports what it is. */
  async function waitForSelection(page: Page, address: string): Promise<void> {
    await page
      .waitForFunction((a) => (window as unknown as OfficeStubWindow).__poaFake?.state.selection?.address === a, address, { timeout: 10_000 })
      .catch(() => undefined);
  }

  /** The findings list as shown, once it has `count` items (or after 10 s, whatever it has). */
  async function shownFindings(page: Page, count: number): Promise<Shown[]> {
    await page
      .waitForFunction((n) => document.querySelectorAll('[data-testid="hallazgo"]').length === n, count, { timeout: 10_000 })
      .catch(() => undefined);
    return page.getByTestId('hallazgo').evaluateAll((els) =>
      els.map((e) => {
        const d = (e as HTMLElement).dataset;
        return { code: d.code, cell: d.cell, unit: d.unit, severity: d.severity, current: e.getAttribute('aria-current'), text: e.textContent ?? '' };
      }),
    );
  }

  async function shownCounts(page: Page): Promise<Record<Severity, number>> {
    const out = {} as Record<Severity, number>;
    for (const s of SEVERITIES) {
      const text = await page.getByTestId(`conteo-${s}`).getByTestId('conteo-valor').innerText();
      out[s] = Number(text.replace(/[^\d]/g, ''));
    }
    return out;
  }

  async function waitForResults(page: Page, sheet: string): Promise<void> {
    await page.getByText(UI.run.appliedTitle(sheet), { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByTestId('conteo-error').waitFor();
  }

  const brief = (f: Pick<Finding, 'code' | 'cell'>) => `${f.code}@${f.cell ?? ''}`;
  const briefShown = (s: Shown) => `${s.code}@${s.cell ?? ''}`;

  test('?accion=validar: counts, findings, filters, navigation, correction, hostile text, Deshacer', async () => {
    const data = workbook.data(POA_SHEET);
    const o = await open(data, '?accion=validar');
    const { page } = o;
    await waitForResults(page, POA_SHEET);

    // Summary counts = the engine's, computed in Node on the same snapshots with the pane's default settings.
    const findings = allFindings(expected);
    const total = findings.length;
    console.log(`[browser] engine summary for «${POA_SHEET}»: ${JSON.stringify(expected.summary)}, ${total} findings`);
    for (const s of SEVERITIES) expect(expected.summary[s]).toBeGreaterThan(0);
    expect(await shownCounts(page)).toEqual(expected.summary);

    // The list: every finding (fewer than a page), in the engine's order, with its code and cell.
    expect(total).toBeLessThanOrEqual(PAGE_SIZE);
    let shown = await shownFindings(page, total);
    expect(shown.map(briefShown)).toEqual(findings.map(brief));
    await page.getByText(UI.findings.position(null, total), { exact: true }).waitFor();
    const mismatch = shown.filter((s) => s.code === 'accumulated-mismatch');
    expect(mismatch.map((s) => [s.cell, s.severity, s.unit])).toEqual([[workbook.febCell, 'error', '306']]);
    expect(mismatch[0].text).toContain('27.89%');
    expect(shown.filter((s) => s.code === 'no-previous-period').every((s) => s.unit === '303' && s.severity === 'info')).toBe(true);
    expect(shown.some((s) => s.code === 'no-previous-period')).toBe(true);

    // Text is data: the indicator name with markup is quoted by duplicate-description, shown literally.
    const duplicate = shown.filter((s) => s.code === 'duplicate-description');
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0].unit).toBe('303');
    expect(duplicate[0].text).toContain(`"${HOSTILE}"`);
    await expect(page.getByText(HOSTILE, { exact: false }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('img, [onerror]').length)).toBe(0);

    // The corrected cell in the workbook holds the recomputed figure, with a note; the hostile cell is untouched.
    const corrected = await fakeCell(page, POA_SHEET, workbook.febCell);
    expect(corrected.value).toBeCloseTo(RECOMPUTED_FEB, 4);
    expect(corrected.numberFormat).toBe('0.00%');
    expect(corrected.note).toContain('27.89%');
    expect(corrected.note).toContain('30.00%');
    expect((await fakeCell(page, POA_SHEET, workbook.hostileCell)).value).toBe(HOSTILE);

    // Filters: each severity, a unit, and both.
    const severity = page.getByLabel(UI.findings.severityFilter, { exact: true });
    const unit = page.getByLabel(UI.findings.unitFilter, { exact: true });
    for (const s of SEVERITIES) {
      await severity.selectOption(s);
      const want = findings.filter((f) => f.severity === s);
      shown = await shownFindings(page, want.length);
      expect(shown.map(briefShown)).toEqual(want.map(brief));
      expect(shown.every((x) => x.severity === s)).toBe(true);
    }
    await severity.selectOption('todas');
    await unit.selectOption('303');
    const of303 = findings.filter((f) => f.unit === '303');
    shown = await shownFindings(page, of303.length);
    expect(of303.length).toBeGreaterThan(0);
    expect(of303.length).toBeLessThan(total);
    expect(shown.map(briefShown)).toEqual(of303.map(brief));
    await severity.selectOption('warning');
    const warnings303 = of303.filter((f) => f.severity === 'warning');
    shown = await shownFindings(page, warnings303.length);
    expect(shown.map(briefShown)).toEqual(warnings303.map(brief));
    expect(shown.map((x) => x.code)).toContain('duplicate-description');

    // Anterior / Siguiente within the filtered list select the finding's cell in the workbook.
    const next = page.getByRole('button', { name: UI.findings.next, exact: true });
    const previous = page.getByRole('button', { name: UI.findings.previous, exact: true });
    await next.click();
    await waitForSelection(page, warnings303[0].cell!);
    expect(await selection(page)).toEqual({ sheet: POA_SHEET, address: warnings303[0].cell });
    await page.getByText(UI.findings.position(0, warnings303.length), { exact: true }).waitFor();

    await severity.selectOption('todas');
    await unit.selectOption({ index: 0 }); // Todas
    shown = await shownFindings(page, total);
    expect(shown.map(briefShown)).toEqual(findings.map(brief));
    expect(shown.every((x) => x.current === null)).toBe(true);

    await next.click();
    await waitForSelection(page, findings[0].cell!);
    expect(await selection(page)).toEqual({ sheet: POA_SHEET, address: findings[0].cell });
    await next.click();
    await waitForSelection(page, findings[1].cell!);
    expect(await selection(page)).toEqual({ sheet: POA_SHEET, address: findings[1].cell });
    await page.getByText(UI.findings.position(1, total), { exact: true }).waitFor();
    expect((await shownFindings(page, total)).map((x) => x.current)[1]).toBe('true');
    await previous.click();
    await waitForSelection(page, findings[0].cell!);
    expect(await selection(page)).toEqual({ sheet: POA_SHEET, address: findings[0].cell });
    await previous.click(); // wraps around to the last finding
    await waitForSelection(page, findings[total - 1].cell!);
    expect(await selection(page)).toEqual({ sheet: POA_SHEET, address: findings[total - 1].cell });
    await page.getByText(UI.findings.position(total - 1, total), { exact: true }).waitFor();

    // Clicking a finding selects its cell.
    const item = page.locator(`[data-testid="hallazgo"][data-code="accumulated-mismatch"][data-cell="${workbook.febCell}"]`);
    await item.click();
    await waitForSelection(page, workbook.febCell);
    expect(await selection(page)).toEqual({ sheet: POA_SHEET, address: workbook.febCell });
    expect(await item.getAttribute('aria-current')).toBe('true');
    const index = findings.findIndex((f) => f.code === 'accumulated-mismatch' && f.cell === workbook.febCell);
    await page.getByText(UI.findings.position(index, total), { exact: true }).waitFor();

    // Deshacer: the printed figure comes back, the note goes, and the sheet is as it was before the run.
    await page.getByRole('button', { name: UI.undo.button, exact: true }).click();
    await page.getByText(/^Se restaur/).waitFor({ timeout: 30_000 });
    const restored = await fakeCell(page, POA_SHEET, workbook.febCell);
    expect(restored.value).toBe(PRINTED_FEB);
    expect(restored.note).toBeNull();
    expect(restored.fill).toBeNull();
    const before = createExcelFake(data).sheet(POA_SHEET);
    const after = await page.evaluate((name) => (window as unknown as OfficeStubWindow).__poaFake!.sheet(name), POA_SHEET);
    expect(after).toEqual(before);
    expect(await page.getByTestId('hallazgo').count()).toBe(0);

    await expectCleanRun(o);
  });

  test('Validar button: nothing runs until it is clicked; then the same counts and a screenshot', async () => {
    const o = await open(workbook.data(POA_SHEET));
    const { page } = o;
    const validar = page.getByRole('button', { name: UI.run.validate, exact: true });
    await validar.waitFor();
    await page.waitForFunction(() => (window as unknown as OfficeStubWindow).__poaOnReady?.called === 1);
    expect(await page.getByTestId('conteo-error').count()).toBe(0);
    expect((await fakeCell(page, POA_SHEET, workbook.febCell)).value).toBe(PRINTED_FEB);

    await validar.click();
    await waitForResults(page, POA_SHEET);
    expect(await shownCounts(page)).toEqual(expected.summary);
    const findings = allFindings(expected);
    expect((await shownFindings(page, findings.length)).map(briefShown)).toEqual(findings.map(brief));
    expect((await fakeCell(page, POA_SHEET, workbook.febCell)).value).toBeCloseTo(RECOMPUTED_FEB, 4);
    expect(await page.evaluate(() => (window as unknown as OfficeStubWindow).__poaFake!.sheetNames())).toContain('POA_DESHACER');

    await page.screenshot({ path: path.join(OUTPUT_DIR, 'taskpane-validar.png'), fullPage: true, animations: 'disabled' });
    await expectCleanRun(o);
  });

  test('a sheet that is not a POA: the pane says so and nothing is written', async () => {
    const data = workbook.data(POA_SHEET);
    const o = await open(data);
    const { page } = o;
    const validar = page.getByRole('button', { name: UI.run.validate, exact: true });
    await validar.waitFor();
    // The user activates the "Notas" sheet, then clicks Validar.
    await page.evaluate((name) => {
      const fake = (window as unknown as OfficeStubWindow).__poaFake!;
      fake.state.activeId = fake.state.sheet(name)!.id;
    }, NOTES_SHEET);
    await validar.click();
    await page.getByText(UI.run.notAppliedTitle, { exact: true }).waitFor({ timeout: 60_000 });
    // The reason is the body of the message bar, after its title.
    await expect(page.getByText(excelMessages.notPoa(NOTES_SHEET)).isVisible()).resolves.toBe(true);
    expect(await page.getByText(UI.run.appliedTitle(NOTES_SHEET)).count()).toBe(0);

    const notes = workbook.expected(NOTES_SHEET);
    expect(notes.sheets.map((s) => s.layout)).toEqual([null]);
    if (allFindings(notes).length > 0) expect(await shownCounts(page)).toEqual(notes.summary);
    const written = await page.evaluate(() => {
      const fake = (window as unknown as OfficeStubWindow).__poaFake!;
      return { names: fake.sheetNames(), sheets: fake.toData().sheets };
    });
    expect(written.names).not.toContain('POA_DESHACER');
    expect(written.sheets).toEqual(createExcelFake(data).toData().sheets);

    await page.screenshot({ path: path.join(OUTPUT_DIR, 'taskpane-no-poa.png'), fullPage: true, animations: 'disabled' });
    await expectCleanRun(o);
  });
});
