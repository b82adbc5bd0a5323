/*
 * The manifest's URLs are written against the development server (https://localhost:3000).
 * The build writes dist/manifest.xml with that base replaced by ADDIN_BASE_URL, where the
 * add-in is deployed. Used by webpack.config.js and by test/manifest/manifest.test.ts.
 */
'use strict';

const DEV_BASE_URL = 'https://localhost:3000';

/** The deployment base URL from ADDIN_BASE_URL (https, no query or fragment, no trailing slash). */
function resolveBaseUrl(value) {
  const raw = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must use https (Office add-ins require it): ${raw}`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_BASE_URL must be a plain base URL (no query, fragment or credentials): ${raw}`);
  }
  return raw.replace(/\/+$/, '');
}

function escapeXmlAttr(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The manifest text with every occurrence of the development base replaced by `base`. */
function rewriteManifestBase(xml, base) {
  return xml.split(DEV_BASE_URL).join(escapeXmlAttr(base));
}

module.exports = { DEV_BASE_URL, resolveBaseUrl, rewriteManifestBase };
