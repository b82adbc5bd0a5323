/**
 * Every text the task pane shows, in Spanish (es-MX). Components never hard-code UI text.
 * Messages that come from the engine (finding messages) or from the workbook gateway
 * (RunOutcome.reason) are already Spanish and are shown as they are.
 */
import type { Severity } from '../domain/findings';

const fmt = (n: number): string => n.toLocaleString('es-MX');

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export const UI = {
  app: {
    title: 'POA Validador',
    subtitle: 'Revisa el reporte de avance del POA de la hoja activa.',
    loading: 'Cargando…',
    noOffice:
      'No se encontró Excel. Abra este panel desde el complemento POA Validador en Excel (pestaña Inicio, grupo POA).',
    startError: (detail: string) => `No se pudo iniciar el complemento: ${detail}`,
  },

  run: {
    validate: 'Validar',
    validateHint: 'Valida la hoja activa, recalcula los porcentajes y marca los hallazgos en las celdas.',
    validating: 'Validando…',
    settingsInvalid: 'Corrija la configuración antes de validar.',
    progressLabel: 'Progreso de la validación',
    starting: 'Preparando…',
    stage: {
      leyendo: 'Leyendo la hoja…',
      validando: 'Revisando cifras y fórmulas…',
      escribiendo: 'Escribiendo resultados en la hoja…',
      listo: 'Listo',
    } as Record<'leyendo' | 'validando' | 'escribiendo' | 'listo', string>,
    failed: 'No se pudo validar la hoja',
    notAppliedTitle: 'La hoja no se modificó',
    notAppliedFallback: 'La hoja activa no parece un reporte de avance del POA o está protegida.',
    appliedTitle: (sheet: string) => `Hoja «${sheet}» validada`,
    appliedBody: 'Los hallazgos quedaron marcados en las celdas con color y una nota.',
    syncs: (n: number) => `Sincronizaciones con Excel: ${fmt(n)}`,
  },

  undo: {
    button: 'Deshacer',
    hint: 'Devuelve las celdas que cambió la última validación a su estado anterior.',
    working: 'Deshaciendo…',
    restored: (n: number) =>
      n === 0 ? 'No había cambios que deshacer.' : `${plural(n, 'Se restauró', 'Se restauraron')} ${fmt(n)} ${plural(n, 'celda', 'celdas')}.`,
    failed: 'No se pudo deshacer',
  },

  summary: {
    heading: 'Resumen',
    period: (p: string) => `Periodo: ${p}`,
    counts: {
      error: 'Errores',
      warning: 'Advertencias',
      info: 'Avisos',
    } as Record<Severity, string>,
    noFindings: 'Sin hallazgos: la hoja cumple todas las reglas revisadas.',
    semaforoHeading: 'Semáforo por unidad',
    semaforoEmpty: 'No hay unidades con semáforo en esta hoja.',
    unitColumn: 'Unidad',
    verde: 'Verde',
    amarillo: 'Amarillo',
    rojo: 'Rojo',
    semaforoCaption: 'Número de indicadores de cada unidad en cada color del semáforo.',
  },

  findings: {
    heading: 'Hallazgos',
    severityFilter: 'Gravedad',
    unitFilter: 'Unidad',
    allSeverities: 'Todas',
    allUnits: 'Todas',
    noUnit: '(sin unidad)',
    severity: {
      error: 'Error',
      warning: 'Advertencia',
      info: 'Aviso',
    } as Record<Severity, string>,
    previous: 'Anterior',
    next: 'Siguiente',
    position: (i: number | null, total: number) =>
      i === null ? `${fmt(total)} ${plural(total, 'hallazgo', 'hallazgos')}` : `${fmt(i + 1)} de ${fmt(total)}`,
    emptyFiltered: 'Ningún hallazgo coincide con los filtros.',
    sheetLevel: 'Hoja',
    cellLabel: 'Celda',
    unitLabel: 'Unidad',
    goTo: (cell: string) => `Ir a la celda ${cell}`,
    showMore: (shown: number, total: number) => `Mostrar más (se muestran ${fmt(shown)} de ${fmt(total)})`,
    selectFailed: (cell: string) => `No se pudo seleccionar la celda ${cell}.`,
    listLabel: 'Lista de hallazgos',
  },

  settings: {
    heading: 'Configuración',
    preset: 'Semáforo',
    presets: {
      municipal: 'Municipal (verde 90–110 %)',
      'nuevo-leon': 'Nuevo León (verde 95–105 %)',
      personalizado: 'Personalizado',
    } as Record<'municipal' | 'nuevo-leon' | 'personalizado', string>,
    bandsGroup: 'Bandas del semáforo',
    bandsHint: 'Porcentaje de cumplimiento de la meta (100 = meta cumplida).',
    greenMin: 'Verde desde (%)',
    greenMax: 'Verde hasta (%)',
    yellowMin: 'Amarillo desde (%)',
    yellowMax: 'Amarillo hasta (%)',
    tolerance: 'Tolerancia (puntos porcentuales)',
    toleranceHint: 'Diferencia aceptada entre el porcentaje impreso y el recalculado.',
    notANumber: 'Escriba un número.',
    bandsInvalid: 'Las bandas deben cumplir: amarillo desde ≤ verde desde < verde hasta ≤ amarillo hasta, y no ser negativas.',
    toleranceInvalid: 'La tolerancia debe ser un número entre 0 y 10.',
    save: 'Guardar configuración',
    saving: 'Guardando…',
    saved: 'Configuración guardada en el libro.',
    saveFailed: 'No se pudo guardar la configuración',
    loadFailed: 'No se pudo leer la configuración guardada; se usan los valores predeterminados.',
  },

  plantilla: {
    heading: 'Plantilla del siguiente periodo',
    intro:
      'Agrega al final del libro una hoja por unidad, lista para capturar el avance del periodo: el avance acumulado, ' +
      'el cumplimiento y el semáforo se calculan solos. Las hojas existentes no se modifican.',
    loading: 'Leyendo las unidades del libro…',
    loadFailed: 'No se pudo leer el libro',
    retry: 'Reintentar',
    period: 'Periodo',
    periodHint: 'De manera predeterminada, el periodo que sigue al último del libro.',
    nextOfEach: (labels: string[]) => `El siguiente de cada unidad (${labels.join(', ')})`,
    nextOption: (label: string) => `${label} (siguiente)`,
    quarterOption: (label: string, cutoff: string) => `${label} (corte ${cutoff})`,
    units: 'Unidades',
    allUnits: 'Todas las unidades',
    unitLabel: (key: string, name: string) => (name ? `${key} · ${name}` : key),
    unitNext: (labels: string[]) => `siguiente: ${labels.join(', ')}`,
    otherKind: {
      month: 'reporte mensual: no aplica a este periodo',
      quarter: 'reporte trimestral: no aplica a este periodo',
    } as Record<'month' | 'quarter', string>,
    protect: 'Proteger las hojas nuevas (solo las celdas de captura quedan editables)',
    insert: 'Insertar plantillas',
    inserting: 'Insertando…',
    insertHint: 'Agrega las hojas al final del libro; nunca reemplaza una hoja existente.',
    noneSelected: 'Elija al menos una unidad.',
    settingsInvalid: 'Corrija la configuración del semáforo antes de insertar.',
    progressLabel: 'Progreso de la inserción',
    starting: 'Preparando…',
    stage: {
      leyendo: 'Leyendo el libro…',
      validando: 'Armando las plantillas…',
      escribiendo: 'Insertando las hojas…',
      listo: 'Listo',
    } as Record<'leyendo' | 'validando' | 'escribiendo' | 'listo', string>,
    insertedTitle: (n: number) => `${plural(n, 'Se insertó', 'Se insertaron')} ${fmt(n)} ${plural(n, 'hoja', 'hojas')}`,
    insertedBody: 'La primera quedó activa. Capture los valores en las celdas amarillas.',
    sheetsLabel: 'Hojas insertadas',
    sheetLine: (unit: string, period: string) => `unidad ${unit}, ${period}`,
    noneInserted: 'No se insertó ninguna hoja',
    noneInsertedBody: 'Con el periodo y las unidades elegidos no hay plantillas que hacer; vea los avisos.',
    noticesTitle: 'Avisos',
    previewNoticesTitle: 'Avisos para el periodo siguiente',
    failed: 'No se completó la inserción',
    syncs: (n: number) => `Sincronizaciones con Excel: ${fmt(n)}`,
  },
};

export type UiStrings = typeof UI;
