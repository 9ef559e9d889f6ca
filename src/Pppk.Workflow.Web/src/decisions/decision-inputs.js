// What a decision needs from the caller, read from the open DMN model: the input data it requires (through its
// required decisions too), else its table's input expressions that are plain names; each with its typeRef.
const SIMPLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

const refId = (requirement) => requirement?.href?.replace(/^#/, '');

/** @returns {{name: string, label: string, typeRef: string, values: string[]}[]} */
export function decisionInputs(definitions, decisionId) {
  const byId = new Map((definitions?.drgElement || []).map((e) => [e.id, e]));
  const found = new Map();
  const seen = new Set();
  const add = (name, typeRef, label, values) => {
    if (!name || found.has(name)) return;
    found.set(name, { name, label: label || name, typeRef: (typeRef || '').replace(/^feel:/, ''), values: values || [] });
  };
  const visit = (decision) => {
    if (!decision || seen.has(decision.id)) return;
    seen.add(decision.id);
    const table = decision.decisionLogic?.$type === 'dmn:DecisionTable' ? decision.decisionLogic : null;
    const tableInputs = new Map((table?.input || []).map((i) => [i.inputExpression?.text?.trim(), i]));
    for (const requirement of decision.informationRequirement || []) {
      const input = byId.get(refId(requirement.requiredInput));
      if (input) {
        const column = tableInputs.get(input.name);
        add(input.name, input.variable?.typeRef || column?.inputExpression?.typeRef, column?.label || input.label || input.name, allowed(column));
      }
      visit(byId.get(refId(requirement.requiredDecision)));
    }
    for (const [text, column] of tableInputs) {
      if (text && SIMPLE_NAME.test(text) && !byId.has(text) && ![...byId.values()].some((e) => e.name === text && e.$type === 'dmn:Decision')) {
        add(text, column.inputExpression?.typeRef, column.label, allowed(column));
      }
    }
  };
  visit(byId.get(decisionId));
  return [...found.values()];
}

// A column's allowed values ("a","b") become a choice list when they are all plain strings.
function allowed(column) {
  const text = column?.inputValues?.text;
  if (!text) return [];
  const parts = text.split(',').map((p) => p.trim());
  return parts.every((p) => /^"[^"]*"$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : [];
}

/** The decision table of a decision, or null. */
export function decisionTable(definitions, decisionId) {
  const decision = (definitions?.drgElement || []).find((e) => e.id === decisionId);
  return decision?.decisionLogic?.$type === 'dmn:DecisionTable' ? decision.decisionLogic : null;
}
