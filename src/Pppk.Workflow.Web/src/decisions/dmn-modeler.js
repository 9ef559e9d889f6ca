// The dmn-js Modeler as the decision designer uses it: diagram (DRD) with the properties panel, decision table,
// literal and boxed expression editors, all with the Indonesian `translate`. Loaded only by the decision pages.
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';

import DmnModeler from 'dmn-js/lib/Modeler';
import { DmnPropertiesPanelModule, DmnPropertiesProviderModule } from 'dmn-js-properties-panel';

import translateModule from './translate-dmn.js';

export function createDmnModeler(container, propertiesPanel) {
  // dmn-js gives each view its own additionalModules (a view's list replaces `common`'s), so each names translate.
  return new DmnModeler({
    container,
    drd: {
      propertiesPanel: { parent: propertiesPanel },
      additionalModules: [DmnPropertiesPanelModule, DmnPropertiesProviderModule, translateModule],
    },
    decisionTable: { additionalModules: [translateModule] },
    literalExpression: { additionalModules: [translateModule] },
    boxedExpression: { additionalModules: [translateModule] },
  });
}
