import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';

export type OpenError = 'not-found' | 'unreadable' | 'not-xlsx' | 'encrypted';

export class WorkbookOpenError extends Error {
  constructor(readonly kind: OpenError, readonly file: string) {
    super(kind);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads an .xlsx file, telling apart a missing file, a password-protected workbook and a file that is not .xlsx. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (err) {
    throw new WorkbookOpenError((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'unreadable', file);
  }
  const starts = (magic: number[]) => magic.every((b, i) => data[i] === b);
  if (starts(OLE_MAGIC)) {
    // A password-protected .xlsx is an OLE container with an EncryptedPackage stream; any other OLE file is an old .xls.
    const encrypted = data.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new WorkbookOpenError(encrypted ? 'encrypted' : 'not-xlsx', file);
  }
  if (!starts(ZIP_MAGIC)) throw new WorkbookOpenError('not-xlsx', file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookOpenError('not-xlsx', file);
  }
  if (!wb.worksheets.length) throw new WorkbookOpenError('not-xlsx', file);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await wb.xlsx.writeFile(file);
}
