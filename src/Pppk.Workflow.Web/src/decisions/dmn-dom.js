// What dmn-js and its properties panel write without `translate` (the panel's group names, a few titles): replaced on
// the DOM as they render, inside the decision designer only, and only where the whole text is a known English string.
// What the author wrote (cells, labels, names on the diagram, anything editable) is never touched.
import { indonesianDmn } from './translate-dmn.js';

const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];
const PLACE = '.dmn-designer, .dmn-designer-popup';
const AUTHORED = '[contenteditable], .djs-element, tbody td, .input-label, .output-label, .input-expression, .output-name, '
  + '.decision-table-name, .decision-table-id, input, textarea, .bio-properties-panel-header-label, .test-box';

function fixText(node) {
  const trimmed = node.data.trim();
  const parent = node.parentElement;
  if (!trimmed || !parent || !parent.closest(PLACE) || parent.closest(AUTHORED)) return;
  const indo = indonesianDmn(trimmed);
  if (indo) node.data = node.data.replace(trimmed, indo);
}

function fix(root) {
  if (root.nodeType === Node.TEXT_NODE) return fixText(root);
  if (root.nodeType !== Node.ELEMENT_NODE || !root.closest(PLACE) && !root.querySelector(PLACE)) return;
  for (const element of [root, ...root.querySelectorAll('[title], [aria-label], [placeholder]')]) {
    if (element.closest('.djs-element, .test-box')) continue;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      const indo = value && indonesianDmn(value);
      if (indo) element.setAttribute(name, indo);
    }
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) fixText(node);
}

/** Starts translating; returns the function that stops it. */
export function translateDmnTexts() {
  fix(document.body);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(fix);
      else fix(record.target);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return () => observer.disconnect();
}
