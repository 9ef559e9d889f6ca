// The server's validation problems for a decision file, docked under the editor as in the BPMN designer: each with
// the element's name as a link that opens it, and the technical details (code, element, English text) folded away.
import { renderProblemList } from '../designer/problems.js';

export function showDmnProblems(list, modeler, errors = [], warnings = [], openElement) {
  const elements = new Map((modeler.getDefinitions()?.drgElement || []).map((e) => [e.id, e]));
  renderProblemList(list, errors, warnings, { describe: (id) => elements.get(id), open: openElement, itemTestId: 'dmn-problem' });
}
