/*
 * Builds the task pane (dist/taskpane.html + taskpane.*.js) and the ribbon's function file
 * (dist/commands.html + commands.*.js), and copies assets/ and manifest.xml (URL base replaced by
 * ADDIN_BASE_URL) to dist/. `npm run build` = production (minified); `npm run dev-server` serves
 * https://localhost:3000 with the office-addin-dev-certs certificate (only when serving).
 * No eval anywhere: devtool is a plain 'source-map' in every mode (the HTML's CSP forbids eval).
 */
'use strict';

const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { resolveBaseUrl, rewriteManifestBase } = require('./scripts/manifest-base');

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

async function httpsServerOptions() {
  // Required lazily: it checks/installs the localhost certificate, which only serving needs.
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const production = mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = resolveBaseUrl(process.env.ADDIN_BASE_URL);

  /** @type {import('webpack').Configuration & { devServer?: import('webpack-dev-server').Configuration }} */
  const config = {
    mode,
    context: __dirname,
    target: ['web', 'es2020'],
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // Type-check only what the bundles contain (the repo's tsconfig also covers tests and the CLI).
              onlyCompileBundledFiles: true,
              compilerOptions: {
                // ES modules so webpack can tree-shake @fluentui/react-components.
                module: 'es2020',
                target: 'es2020',
                sourceMap: true,
                noEmit: false,
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/.*'] } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifestBase(content.toString('utf8'), baseUrl),
          },
        ],
      }),
    ],
    optimization: {
      minimize: production,
    },
    performance: { hints: false },
  };

  if (serving) {
    config.devServer = {
      host: 'localhost',
      port: DEV_PORT,
      server: { type: 'https', options: await httpsServerOptions() },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    };
  }

  return config;
};
