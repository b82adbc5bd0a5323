/**
 * Offline checks of manifest.xml (Microsoft's validator, `npm run validate`, needs the network)
 * and of what the production build puts in dist/: every URL of the manifest must resolve to a
 * file the build produces, the built manifest must point at ADDIN_BASE_URL, and the HTML pages
 * must carry the Content-Security-Policy (no inline script, no eval, Office.js host only).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { child, childrenNamed, parseXml, walk, XmlError, type XmlElement } from './xml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifestBase = require('../../scripts/manifest-base.js') as {
  DEV_BASE_URL: string;
  resolveBaseUrl(value: string | undefined): string;
  rewriteManifestBase(xml: string, base: string): string;
};

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DEV_BASE = manifestBase.DEV_BASE_URL;
/** The build under test is made for this deployment base (with a path, to catch joining bugs). */
const PROD_BASE = 'https://poa.example.gob.mx/validador';

const OFFICEAPP_ORDER = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'DefaultSettings', 'Permissions', 'VersionOverrides'];

const manifest = parseXml(SOURCE);
const all = walk(manifest);
const versionOverrides = child(manifest, 'VersionOverrides')!;
const resources = versionOverrides && child(versionOverrides, 'Resources');

function resourceGroup(name: string): XmlElement[] {
  const group = resources && child(resources, name);
  return group ? group.children : [];
}

const images = resourceGroup('bt:Images');
const urls = resourceGroup('bt:Urls');
const shortStrings = resourceGroup('bt:ShortStrings');
const longStrings = resourceGroup('bt:LongStrings');

function byId(list: XmlElement[]): Map<string, XmlElement> {
  return new Map(list.map((e) => [e.attrs.id, e]));
}
const imageIds = byId(images);
const urlIds = byId(urls);
const shortIds = byId(shortStrings);
const longIds = byId(longStrings);

function shortString(resid: string): string {
  return shortIds.get(resid)?.attrs.DefaultValue ?? '';
}

/** Every URL the manifest declares (base-manifest DefaultValues and resource URLs / images). */
function manifestUrls(root: XmlElement): string[] {
  const out: string[] = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(root, name);
    if (el) out.push(el.attrs.DefaultValue);
  }
  const settings = child(root, 'DefaultSettings');
  const source = settings && child(settings, 'SourceLocation');
  if (source) out.push(source.attrs.DefaultValue);
  for (const el of walk(root)) {
    if ((el.name === 'bt:Image' || el.name === 'bt:Url') && el.attrs.DefaultValue) out.push(el.attrs.DefaultValue);
  }
  return out;
}

describe('manifest.xml (source)', () => {
  it('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attrs['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
  });

  it('the XML checker rejects broken XML (so the test above means something)', () => {
    for (const bad of ['<a><b></a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a x=1/>', '<a/><b/>', '<a>', '<a>x & y</a>']) {
      expect(() => parseXml(bad)).toThrow(XmlError);
    }
  });

  it('has the OfficeApp children in schema order, each at most once, the required ones present', () => {
    const names = manifest.children.map((c) => c.name);
    for (const n of names) expect(OFFICEAPP_ORDER).toContain(n);
    const positions = names.map((n) => OFFICEAPP_ORDER.indexOf(n));
    for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
    for (const n of REQUIRED) expect(names).toContain(n);
  });

  it('has a GUID Id and a valid Version', () => {
    expect(child(manifest, 'Id')!.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = child(manifest, 'Version')!.text.trim();
    expect(version).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    for (const part of version.split('.')) expect(Number(part)).toBeLessThanOrEqual(65535);
  });

  it('is Spanish (es-MX) by default with an en-US override of the name and description', () => {
    expect(child(manifest, 'DefaultLocale')!.text.trim()).toBe('es-MX');
    for (const [name, max] of [
      ['DisplayName', 125],
      ['Description', 250],
    ] as const) {
      const el = child(manifest, name)!;
      expect(el.attrs.DefaultValue.length).toBeGreaterThan(0);
      expect(el.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
      const overrides = childrenNamed(el, 'Override');
      expect(overrides.map((o) => o.attrs.Locale)).toContain('en-US');
      for (const o of overrides) expect(o.attrs.Value.length).toBeLessThanOrEqual(max);
    }
    expect(child(manifest, 'DisplayName')!.attrs.DefaultValue).toBe('POA Validador');
  });

  it('targets Excel workbooks, asks for ReadWriteDocument and declares a minimum ExcelApi set', () => {
    const hosts = childrenNamed(child(manifest, 'Hosts')!, 'Host');
    expect(hosts.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(child(manifest, 'Permissions')!.text.trim()).toBe('ReadWriteDocument');
    const sets = walk(child(manifest, 'Requirements')!).filter((e) => e.name === 'Set');
    const excel = sets.find((s) => s.attrs.Name === 'ExcelApi');
    expect(excel).toBeDefined();
    expect(excel!.attrs.MinVersion).toMatch(/^1\.\d+$/);
    // The choice is justified in an XML comment next to it.
    expect(SOURCE).toMatch(new RegExp(`<!--[^]*ExcelApi ${excel!.attrs.MinVersion.replace('.', '\\.')} is the minimum[^]*-->\\s*<Requirements>`));
  });

  it('declares the same minimum ExcelApi set the Office.js adapter checks at run time', () => {
    const session = path.join(ROOT, 'src', 'excel', 'session.ts');
    const m = /MIN_EXCEL_API\s*=\s*['"](\d+\.\d+)['"]/.exec(fs.readFileSync(session, 'utf8'));
    expect(m).not.toBeNull();
    const excel = walk(child(manifest, 'Requirements')!).find((e) => e.name === 'Set' && e.attrs.Name === 'ExcelApi')!;
    expect(excel.attrs.MinVersion).toBe(m![1]);
  });

  it('defines every resid it references, once, with the right kind of resource', () => {
    const allIds = [...images, ...urls, ...shortStrings, ...longStrings].map((e) => e.attrs.id);
    expect(new Set(allIds).size).toBe(allIds.length);
    for (const id of allIds) expect(id.length).toBeLessThanOrEqual(32);

    const refs = all.filter((e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const resid = ref.attrs.resid;
      expect(resid.length).toBeLessThanOrEqual(32);
      const kind =
        ref.name === 'bt:Image'
          ? imageIds
          : ref.name === 'SourceLocation' || ref.name === 'FunctionFile' || ref.name === 'LearnMoreUrl'
            ? urlIds
            : ref.name === 'Description'
              ? longIds
              : shortIds; // Label, Title
      if (!kind.has(resid)) throw new Error(`<${ref.name} resid="${resid}"> (line ${ref.line}) is not defined in the matching resource list`);
    }
  });

  it('keeps resource strings within the limits and overrides each one for en-US', () => {
    for (const [list, max] of [
      [shortStrings, 125],
      [longStrings, 250],
    ] as const) {
      for (const s of list) {
        expect(s.attrs.DefaultValue.length).toBeGreaterThan(0);
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
        const overrides = childrenNamed(s, 'bt:Override');
        expect(overrides.map((o) => o.attrs.Locale)).toContain('en-US');
        for (const o of overrides) expect(o.attrs.Value.length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('has a POA group on the Home tab with Validar and Plantilla buttons that open the task pane', () => {
    const host = child(child(versionOverrides, 'Hosts')!, 'Host')!;
    expect(versionOverrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const desktop = child(host, 'DesktopFormFactor')!;
    // Schema order inside DesktopFormFactor.
    expect(desktop.children.map((c) => c.name)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    const tab = walk(desktop).find((e) => e.name === 'OfficeTab')!;
    expect(tab.attrs.id).toBe('TabHome');
    const groups = childrenNamed(tab, 'Group');
    expect(groups).toHaveLength(1);
    expect(shortString(child(groups[0], 'Label')!.attrs.resid)).toBe('POA');

    const controls = childrenNamed(groups[0], 'Control');
    const ids = all.filter((e) => e.name === 'Control' || e.name === 'Group').map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    const buttons = controls.map((c) => {
      expect(c.attrs['xsi:type']).toBe('Button');
      const action = child(c, 'Action')!;
      const icons = childrenNamed(child(c, 'Icon')!, 'bt:Image').map((i) => i.attrs.size);
      expect(icons).toEqual(['16', '32', '80']);
      return {
        label: shortString(child(c, 'Label')!.attrs.resid),
        action: action.attrs['xsi:type'],
        url: urlIds.get(child(action, 'SourceLocation')!.attrs.resid)!.attrs.DefaultValue,
      };
    });
    expect(buttons).toEqual([
      { label: 'Validar', action: 'ShowTaskpane', url: `${DEV_BASE}/taskpane.html?accion=validar` },
      { label: 'Plantilla', action: 'ShowTaskpane', url: `${DEV_BASE}/taskpane.html?accion=plantilla` },
    ]);
    for (const label of buttons.map((b) => b.label)) expect(label.length).toBeLessThanOrEqual(125);
  });

  it('uses https://localhost:3000 for every URL in the source', () => {
    const list = manifestUrls(manifest);
    expect(list.length).toBeGreaterThan(5);
    for (const u of list) expect(u.startsWith(`${DEV_BASE}/`)).toBe(true);
  });
});

describe('ADDIN_BASE_URL', () => {
  it('defaults to the development server and rejects what Office cannot load', () => {
    expect(manifestBase.resolveBaseUrl(undefined)).toBe(DEV_BASE);
    expect(manifestBase.resolveBaseUrl('  ')).toBe(DEV_BASE);
    expect(manifestBase.resolveBaseUrl('https://poa.example.gob.mx/addin/')).toBe('https://poa.example.gob.mx/addin');
    expect(() => manifestBase.resolveBaseUrl('http://poa.example.gob.mx')).toThrow(/https/);
    expect(() => manifestBase.resolveBaseUrl('https://poa.example.gob.mx/?a=1')).toThrow();
    expect(() => manifestBase.resolveBaseUrl('no es una url')).toThrow();
  });
});

const run = promisify(execFile);

describe('production build (webpack --mode production)', () => {
  let outDir = '';
  let built: XmlElement;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poa-dist-'));
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    await run(process.execPath, [cli, '--mode', 'production', '--output-path', outDir], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_BASE_URL: PROD_BASE, NODE_ENV: 'production' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`webpack failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
    });
    built = parseXml(fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8'));
  }, 300_000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('writes the manifest with the base URL replaced and nothing else changed', () => {
    const text = fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8');
    expect(text).toBe(manifestBase.rewriteManifestBase(SOURCE, PROD_BASE));
    expect(text).not.toContain('localhost');
    for (const u of manifestUrls(built)) expect(u.startsWith(`${PROD_BASE}/`)).toBe(true);
  });

  it('produces a file for every icon URL, SourceLocation and other URL of the manifest', () => {
    for (const u of manifestUrls(built)) {
      const rel = new URL(u).pathname.slice(new URL(PROD_BASE).pathname.length + 1);
      const file = path.join(outDir, ...rel.split('/'));
      if (!fs.existsSync(file)) throw new Error(`${u} -> ${file} is not produced by the build`);
    }
  });

  it('ships PNG icons of the sizes the manifest declares', () => {
    const pngSize = (u: string) => {
      const rel = new URL(u).pathname.slice(new URL(PROD_BASE).pathname.length + 1);
      const buf = fs.readFileSync(path.join(outDir, rel));
      expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
    };
    expect(pngSize(child(built, 'IconUrl')!.attrs.DefaultValue)).toEqual([32, 32]);
    expect(pngSize(child(built, 'HighResolutionIconUrl')!.attrs.DefaultValue)).toEqual([64, 64]);
    const builtImages = new Map(walk(built).filter((e) => e.name === 'bt:Image' && e.attrs.id).map((e) => [e.attrs.id, e.attrs.DefaultValue]));
    for (const ref of walk(built).filter((e) => e.name === 'bt:Image' && e.attrs.resid)) {
      const size = Number(ref.attrs.size);
      expect(pngSize(builtImages.get(ref.attrs.resid)!)).toEqual([size, size]);
    }
  });

  function csp(html: string): Map<string, string[]> {
    const m = /<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]*content=(["'])([^]*?)\1/i.exec(html);
    if (!m) throw new Error('no Content-Security-Policy meta');
    return new Map(
      m[2]
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0], d.slice(1)]),
    );
  }

  for (const page of ['taskpane.html', 'commands.html']) {
    it(`${page}: strict CSP, Office.js from its CDN, no inline script`, () => {
      const html = fs.readFileSync(path.join(outDir, page), 'utf8');
      const policy = csp(html);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(html).not.toContain('unsafe-eval');
      expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      expect(policy.get('object-src')).toEqual(["'none'"]);

      const scripts = [...html.matchAll(/<script\b([^>]*)>([^]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThanOrEqual(2);
      const srcs = scripts.map(([, attrs, body]) => {
        expect(body.trim()).toBe(''); // no inline script
        const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attrs);
        expect(src).not.toBeNull();
        return src![1];
      });
      expect(srcs[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      const name = page.replace('.html', '');
      const own = srcs.slice(1);
      expect(own.length).toBeGreaterThan(0);
      for (const s of own) {
        expect(s).not.toMatch(/^[a-z]+:|^\/\//i); // same origin
        expect(fs.existsSync(path.join(outDir, s))).toBe(true);
      }
      expect(own.some((s) => s.startsWith(`${name}.`) && s.endsWith('.js'))).toBe(true);
      expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    });
  }

  it('emits bundles without eval (plain source maps, no eval devtool)', () => {
    const js = fs.readdirSync(outDir).filter((f) => f.endsWith('.js'));
    expect(js.some((f) => f.startsWith('taskpane.'))).toBe(true);
    expect(js.some((f) => f.startsWith('commands.'))).toBe(true);
    for (const f of js) {
      const code = fs.readFileSync(path.join(outDir, f), 'utf8');
      expect(code).not.toMatch(/\beval\s*\(/);
      expect(code).not.toMatch(/\bnew\s+Function\s*\(/);
      expect(code).toMatch(/\/\/# sourceMappingURL=\S+\.js\.map\s*$/);
      expect(fs.existsSync(path.join(outDir, `${f}.map`))).toBe(true);
    }
  });
});
