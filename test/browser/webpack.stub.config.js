/*
 * Test only: bundles test/browser/officeStub.ts (the Excel fake installed as Office.js) into one classic
 * script, build/browser-stub/office-stub.js, that the browser test serves in place of office.js.
 *   node node_modules/webpack-cli/bin/cli.js --config test/browser/webpack.stub.config.js
 * No eval (devtool off): the task pane's CSP forbids it, and this script runs under that CSP.
 */
/* global require, module, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';

const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

module.exports = {
  mode: 'production',
  context: ROOT,
  target: ['web', 'es2020'],
  devtool: false,
  entry: { 'office-stub': './test/browser/officeStub.ts' },
  output: {
    path: path.join(ROOT, 'build', 'browser-stub'),
    filename: '[name].js',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            configFile: path.join(ROOT, 'tsconfig.json'),
            // The test type-checks these files (npx tsc -p tsconfig.json); the bundle only needs JavaScript.
            transpileOnly: true,
            compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: false },
          },
        },
      },
    ],
  },
  optimization: { minimize: false },
  performance: { hints: false },
};
