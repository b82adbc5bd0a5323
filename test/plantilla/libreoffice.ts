/** Runs LibreOffice headless to recalculate a workbook on load (the way a user's spreadsheet would). */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export function sofficeAvailable(): boolean {
  const r = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60000 });
  return r.status === 0;
}

/** OOXMLRecalcMode / ODFRecalcMode 0 = always recalculate on load (LibreOffice's default is "never" for .xlsx). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens `file` in LibreOffice (recalculating every formula) and saves it as .xlsx in a new folder next to it
 * (with LibreOffice's own profile there); returns the new file.
 */
export function recalculate(file: string): string {
  const work = fs.mkdtempSync(path.join(path.dirname(path.resolve(file)), 'lo-'));
  const profile = path.join(work, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const outDir = path.join(work, 'out');
  execFileSync('soffice', [
    `-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file,
  ], { stdio: 'pipe', timeout: 240000 });
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, '.xlsx'));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}
