// English that a library writes without `translate`, replaced on the DOM as it renders (the BPMN and DMN designers):
// only inside `places`, never in what the author wrote, and only where the whole text is a known English string.

const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];

/**
 * Starts translating; returns the function that stops it. `text(trimmed)` and `attribute(value)` give the Indonesian
 * or nothing; text inside `authored` and attributes of elements inside `keepAttributes` are left alone.
 */
export function translateOnDom({ places, text, attribute, authored = null, keepAttributes }) {
  function fixText(node) {
    const trimmed = node.data.trim();
    const parent = node.parentElement;
    if (!trimmed || !parent || !parent.closest(places) || (authored && parent.closest(authored))) return;
    const indo = text(trimmed);
    if (indo) node.data = node.data.replace(trimmed, indo);
  }

  function fix(root) {
    if (root.nodeType === Node.TEXT_NODE) return fixText(root);
    if (root.nodeType !== Node.ELEMENT_NODE || !root.closest(places) && !root.querySelector(places)) return;
    for (const element of [root, ...root.querySelectorAll('[title], [aria-label], [placeholder]')]) {
      if (element.closest(keepAttributes)) continue;
      for (const name of ATTRIBUTES) {
        const value = element.getAttribute(name);
        const indo = value && attribute(value);
        if (indo) element.setAttribute(name, indo);
      }
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) fixText(node);
  }

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
