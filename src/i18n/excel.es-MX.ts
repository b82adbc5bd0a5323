/** Messages of the Excel (Office.js) adapter, in Spanish (es-MX). */
export const excelMessages = {
  sheetProtected: (sheet: string): string =>
    `La hoja «${sheet}» está protegida: se muestran los hallazgos, pero no se escribió nada en el libro. ` +
    'Quite la protección (Revisar > Desproteger hoja) y vuelva a validar para marcar las celdas.',
  otherSheetProtected: (sheet: string): string =>
    `La hoja «${sheet}», que la validación anterior modificó, está protegida: no se puede deshacer esa validación, ` +
    'así que no se escribió nada. Quite la protección de esa hoja y vuelva a validar.',
  workbookProtected:
    'La estructura del libro está protegida y no se puede crear la hoja oculta que guarda los cambios para deshacerlos: ' +
    'se muestran los hallazgos, pero no se escribió nada.',
  notPoa: (sheet: string): string =>
    `La hoja «${sheet}» no parece un reporte POA: no se encontró el encabezado de un formato conocido ` +
    '(LINEA DE ACCION / UNIDAD RESPONSABLE / AVANCE FISICO, o L/A / METAS Y ACCIONES / META ANUAL). ' +
    'Active la hoja del reporte y vuelva a validar. No se escribió nada.',
  undoProtected: (sheet: string): string =>
    `No se puede deshacer: la hoja «${sheet}» está protegida. Quite la protección y vuelva a intentarlo.`,
  unsupportedHost:
    'Esta versión de Excel no admite las funciones que necesita el complemento (ExcelApi 1.13). ' +
    'Actualice Microsoft 365 o use Excel en la Web.',
  noExcel: 'El complemento solo funciona dentro de Excel.',
  sheetNotFound: (sheet: string): string => `No se encontró la hoja «${sheet}».`,
  settingsNotSaved: (detail: string): string => `No se pudo guardar la configuración en el libro: ${detail}`,
} as const;
