#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled by `npm run build:cli` (run on npm install / npm ci).
const path = require('path');
const main = path.join(__dirname, '..', 'build', 'src', 'cli', 'main.js');
let run;
try {
  run = require(main).run;
} catch (err) {
  process.stderr.write('poa: falta compilar la herramienta; ejecute "npm install" o "npm run build:cli".\n');
  process.exit(2);
}
run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
