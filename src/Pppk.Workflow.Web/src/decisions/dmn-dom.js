// What dmn-js and its properties panel write without `translate` (the panel's group names, a few titles): replaced on
// the DOM as they render, inside the decision designer only, and only where the whole text is a known English string.
// What the author wrote (cells, labels, names on the diagram, anything editable) is never touched.
import { translateOnDom } from '../designer/dom-translator.js';
import { indonesianDmn } from './translate-dmn.js';

const PLACE = '.dmn-designer, .dmn-designer-popup';
const AUTHORED = '[contenteditable], .djs-element, tbody td, .input-label, .output-label, .input-expression, .output-name, '
  + '.decision-table-name, .decision-table-id, input, textarea, .bio-properties-panel-header-label, .test-box';

/** Starts translating; returns the function that stops it. */
export function translateDmnTexts() {
  return translateOnDom({ places: PLACE, text: indonesianDmn, attribute: indonesianDmn, authored: AUTHORED, keepAttributes: '.djs-element, .test-box' });
}
