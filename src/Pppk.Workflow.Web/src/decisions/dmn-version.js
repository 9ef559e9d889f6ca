// dmn-js reads and writes DMN 1.3 only; our files may be DMN 1.4 or 1.5, whose elements a plain decision table or
// diagram shares with 1.3. The editor gets the 1.3 namespaces and the file goes back with its own, so deploying an
// untouched 1.5 file is "no change" and the workflows folder keeps its version.
const DMN13 = { model: 'https://www.omg.org/spec/DMN/20191111/MODEL/', dmndi: 'https://www.omg.org/spec/DMN/20191111/DMNDI/' };
const MODEL = /https:\/\/www\.omg\.org\/spec\/DMN\/(\d{8})\/MODEL\//g;
const DMNDI = /https:\/\/www\.omg\.org\/spec\/DMN\/(\d{8})\/DMNDI\//g;

/** @returns {{xml: string, original: {model: string, dmndi: string} | null}} */
export function toDmn13(xml) {
  const model = xml.match(MODEL)?.[0];
  if (!model || model === DMN13.model) return { xml, original: null };
  const dmndi = xml.match(DMNDI)?.[0] || DMN13.dmndi;
  return { xml: xml.replace(MODEL, DMN13.model).replace(DMNDI, DMN13.dmndi), original: { model, dmndi } };
}

export function fromDmn13(xml, original) {
  if (!original) return xml;
  return xml.split(DMN13.model).join(original.model).split(DMN13.dmndi).join(original.dmndi);
}
