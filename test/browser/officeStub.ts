/**
 * Office.js for the browser test: bundled by webpack.stub.config.js and served by the test in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js (playwright page.route). The test prepends
 * `window.__poaWorkbook = {...};` (the fake's data, JSON); this builds the in-memory Excel fake from it,
 * installs it as the page's `Excel` and `Office` globals, exposes it as `window.__poaFake`, and makes
 * Office.onReady behave like office.js: callbacks run once, asynchronously, after the document has loaded
 * (the task pane's script is deferred, so it registers its callback before that).
 */
import { createExcelFake } from '../fakes/excelFake';
import type { OfficeStubWindow } from './stubTypes';

const w = window as unknown as OfficeStubWindow & Record<string, unknown>;
const data = w.__poaWorkbook;
if (!data) throw new Error('Office stub: window.__poaWorkbook is not set.');

const fake = createExcelFake(data);
fake.install(w);
w.__poaFake = fake;

const counts = { registered: 0, called: 0 };
w.__poaOnReady = counts;

const documentLoaded = new Promise<void>((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  else resolve();
});
const info = { host: fake.Office.context.host, platform: fake.Office.context.platform };

fake.Office.onReady = (callback) => {
  if (callback) counts.registered++;
  return documentLoaded
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
    .then(() => {
      if (callback) {
        counts.called++;
        callback({ ...info });
      }
      return { ...info };
    });
};
