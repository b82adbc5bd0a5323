#!/usr/bin/env node
/*
 * Prints the size (raw and gzip) of the task pane bundles in dist/ (run `npm run build` first)
 * and fails when the gzip total of dist/taskpane*.js exceeds the budget.
 * Usage: node scripts/bundle-size.js [distDir] [--budget-kb=300]
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const args = process.argv.slice(2);
const budgetArg = args.find((a) => a.startsWith('--budget-kb='));
const budgetKb = budgetArg ? Number(budgetArg.split('=')[1]) : 300;
const dist = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(__dirname, '..', 'dist'));

if (!fs.existsSync(dist)) {
  console.error(`${dist} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const files = fs.readdirSync(dist).filter((f) => f.endsWith('.js')).sort();
if (!files.some((f) => f.startsWith('taskpane'))) {
  console.error(`No taskpane*.js in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}

let taskpaneGzip = 0;
for (const f of files) {
  const buf = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  if (f.startsWith('taskpane')) taskpaneGzip += gz;
  console.log(`${f.padEnd(32)} ${kb(buf.length).padStart(10)} raw ${kb(gz).padStart(10)} gzip`);
}
console.log(`taskpane*.js gzip total: ${kb(taskpaneGzip)} (budget ${budgetKb} KB)`);
if (taskpaneGzip > budgetKb * 1024) {
  console.error(`Over budget by ${kb(taskpaneGzip - budgetKb * 1024)}.`);
  process.exit(1);
}
