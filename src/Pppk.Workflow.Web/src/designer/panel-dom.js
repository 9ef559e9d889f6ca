// The few texts bpmn-js-element-templates and the properties panel write without `translate` ("Select a template",
// "Opened in popup", "Save and close", a section's "Toggle section" title): replaced on the DOM as they render, inside
// the designer page and the FEEL popup only, and only where the whole text is one of these known English strings.
import { translate } from './translate.js';
import { translateOnDom } from './dom-translator.js';

const TEXTS = {
  'Opened in popup': 'Terbuka di penyunting besar',
  'Save and close': 'Simpan dan tutup',
  'Select a template': 'Pilih templat',
  'Toggle section': 'Buka/tutup bagian',
  'Close': 'Tutup',
};
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

/** Starts translating; returns the function that stops it. */
export function translatePanelTexts() {
  // Whole texts only from the list above; attributes (titles, labels) also through the designer's translations.
  return translateOnDom({ places: PLACES, text: (t) => TEXTS[t], attribute: indonesian, keepAttributes: '.djs-element' });
}
