/// <reference types="office-js" />
/**
 * Function file of the ribbon (FunctionFile in manifest.xml). Both buttons of the POA group
 * (Validar, Plantilla) are ShowTaskpane actions that open taskpane.html?accion=..., so there is no
 * function command to register with Office.actions.associate. A future ExecuteFunction button
 * registers its handler here, inside onReady:
 *   Office.actions.associate('nombreDeLaFuncion', handler);
 */
if (typeof Office !== 'undefined') {
  void Office.onReady();
}
