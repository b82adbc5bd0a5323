/**
 * Node side of the browser test: the production build of the task pane (dist/, rebuilt when missing or
 * older than its sources), the Office.js stub bundle, a static file server for dist/ on 127.0.0.1, and
 * where Chromium is.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { promisify } from 'util';
import { findRepoRoot } from '../fixtures/repoPaths';

export const ROOT = findRepoRoot(__dirname);
export const DIST = path.join(ROOT, 'dist');
export const STUB_FILE = path.join(ROOT, 'build', 'browser-stub', 'office-stub.js');
export const OUTPUT_DIR = path.join(ROOT, 'test-output');
/** The script taskpane.html loads from Microsoft's CDN; the test serves the stub under this URL. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Debian's Chromium (CI installs it with apt-get); POA_CHROMIUM overrides the path. */
export const CHROMIUM = process.env.POA_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const run = promisify(execFile);

async function webpack(args: string[]): Promise<void> {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  await run(process.execPath, [cli, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch(
    (e: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`webpack ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
    },
  );
}

/** Newest modification time of the files under `p` (a file or a folder). */
function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** What the production bundle is built from. */
const BUILD_INPUTS = ['src', 'assets', 'webpack.config.js', 'tsconfig.json', 'manifest.xml', 'package-lock.json'];

/** The src of every <script> of an HTML page (quoted or not: the production HTML is minified). */
export function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The script files taskpane.html references, relative to dist/. */
function referencedScripts(html: string): string[] {
  return scriptSources(html).filter((src) => !/^https?:/.test(src));
}

/** dist/ as `npm run build` makes it; rebuilt (`webpack --mode production`) when missing or older than its sources. */
export async function ensureTaskpaneBuild(): Promise<'reused' | 'built'> {
  const html = path.join(DIST, 'taskpane.html');
  const inputs = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  const complete =
    fs.existsSync(html) && referencedScripts(fs.readFileSync(html, 'utf8')).every((src) => fs.existsSync(path.join(DIST, src)));
  if (complete && fs.statSync(html).mtimeMs >= inputs) return 'reused';
  await webpack(['--mode', 'production']);
  if (!fs.existsSync(html)) throw new Error(`webpack did not produce ${html}`);
  return 'built';
}

/** build/browser-stub/office-stub.js (about a second; always rebuilt so it matches the fake's sources). */
export async function buildOfficeStub(): Promise<string> {
  await webpack(['--config', path.join(ROOT, 'test', 'browser', 'webpack.stub.config.js')]);
  return fs.readFileSync(STUB_FILE, 'utf8');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  /** Paths requested, in order. */
  served: string[];
  close(): Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1 at a random port. */
export async function serveDir(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const served: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    served.push(url.pathname);
    let file: string;
    try {
      file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The directives of the Content-Security-Policy meta of an HTML page, or null when it has none. */
export function cspOf(html: string): Map<string, string[]> | null {
  const meta = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]).find((tag) => /http-equiv=["']?Content-Security-Policy/i.test(tag));
  if (!meta) return null;
  const content = /\bcontent=(["'])([^]*?)\1/i.exec(meta)?.[2];
  if (content === undefined) return null;
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}
