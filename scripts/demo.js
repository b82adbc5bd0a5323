#!/usr/bin/env node
'use strict';
// `npm run demo`: validates the bundled sample workbook and writes the validated copy beside it.
// The sample is a real report with real anomalies, so findings of severity error are expected:
// the demo succeeds when the CLI ran (exit 0 or 1) and fails on bad usage or an unreadable file (2).
const path = require('path');
const { run } = require('../build/src/cli/main.js');

const root = path.join(__dirname, '..');
const input = path.join(root, 'samples', 'poa-muestra.xlsx');
const output = path.join(root, 'samples', 'poa-muestra.validado.xlsx');
run(['validar', input, '--salida', output]).then((code) => {
  process.exitCode = code <= 1 ? 0 : code;
});
