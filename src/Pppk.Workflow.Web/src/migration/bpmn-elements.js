// The flow nodes of a BPMN file (id, name, type), read with the browser's XML parser: enough to offer mapping targets
// and name elements in problems without loading a whole diagram.
const MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const FLOW_NODES = new Set([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'task', 'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask', 'manualTask',
  'callActivity', 'subProcess', 'transaction', 'adHocSubProcess',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway',
]);

/** Every flow node of every process in the file, in document order. */
export function flowNodes(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return [...doc.getElementsByTagNameNS(MODEL_NS, '*')]
    .filter((el) => FLOW_NODES.has(el.localName) && el.getAttribute('id'))
    .map((el) => ({ id: el.getAttribute('id'), name: el.getAttribute('name') || '', type: el.localName }));
}

/** id → { id, name, type } */
export function byId(nodes) {
  return new Map(nodes.map((n) => [n.id, n]));
}
