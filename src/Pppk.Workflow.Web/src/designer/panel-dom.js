// The few texts bpmn-js-element-templates and the properties panel write without `translate` ("Select a template",
// "Opened in popup", "Save and close", a section's "Toggle section" title): replaced on the DOM as they render, inside
// the designer page and the FEEL popup only, and only where the whole text is one of these known English strings.
import { translate } from './translate.js';

const TEXTS = {
  'Opened in popup': 'Terbuka di penyunting besar',
  'Save and close': 'Simpan dan tutup',
  'Select a template': 'Pilih templat',
  'Toggle section': 'Buka/tutup bagian',
  'Close': 'Tutup',
};
const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];
const PLACES = '.designer, .bio-properties-panel-feel-popup, .bio-properties-panel-popup, .djs-popup, .djs-search-container';

const PATTERNS = [[/^List contains (\d+) items?$/, (n) => `Daftar berisi ${n} butir`]];

function indonesian(text) {
  for (const [pattern, render] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return render(...match.slice(1));
  }
  const indo = TEXTS[text] || translate(text);
  return indo !== text ? indo : null;
}

function fix(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    const trimmed = root.data.trim();
    const indo = trimmed && root.parentElement?.closest(PLACES) && TEXTS[trimmed];
    if (indo) root.data = root.data.replace(trimmed, indo);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || !root.closest(PLACES) && !root.querySelector(PLACES)) return;
  for (const element of [root, ...root.querySelectorAll('[title], [aria-label], [placeholder]')]) {
    if (element.matches('.djs-element, .djs-element *')) continue; // the diagram's own names
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      const indo = value && indonesian(value);
      if (indo) element.setAttribute(name, indo);
    }
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) fix(node);
}

/** Starts translating; returns the function that stops it. */
export function translatePanelTexts() {
  fix(document.body);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(fix);
      else if (record.type === 'attributes') fix(record.target);
      else fix(record.target);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return () => observer.disconnect();
}
