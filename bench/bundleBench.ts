/** Task pane initial JS, gzip, from the production build in dist/ (built here when missing). */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

export async function rows(): Promise<string[]> {
  const root = path.join(__dirname, '..', '..');
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  }
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  // the minified HTML may leave attribute values unquoted: <script defer src=taskpane.28d6.js>
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src));
  if (!scripts.length) throw new Error('dist/taskpane.html no carga ningún script local');
  const gzip = scripts.reduce((n, src) => n + gzipSync(fs.readFileSync(path.join(dist, src.replace(/^\.?\//, '')))).length, 0);
  const kb = gzip / 1024;
  return [`| task pane initial JS, gzip (KB) | — | | | ${kb.toFixed(1)} | ≤ 300 KB | ${kb <= 300 ? 'yes' : 'NO'} |`];
}
