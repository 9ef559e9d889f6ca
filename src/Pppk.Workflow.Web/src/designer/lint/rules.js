// Lint rules for the executable subset of BPMN.md; messages in Bahasa Indonesia. Each rule is a bpmnlint rule factory.

// Elements the engine rejects at deploy (BPMN.md "later" / "no").
const UNSUPPORTED_TYPES = [
  ['bpmn:InclusiveGateway', 'Gerbang inklusif belum didukung mesin; gunakan gerbang eksklusif atau paralel.'],
  ['bpmn:ComplexGateway', 'Gerbang kompleks tidak didukung.'],
  ['bpmn:Transaction', 'Transaksi tidak didukung.'],
  ['bpmn:DataObjectReference', 'Objek data tidak didukung; gunakan variabel proses.'],
  ['bpmn:DataStoreReference', 'Penyimpanan data tidak didukung; gunakan variabel proses.'],
  ['bpmn:ManualTask', 'Tugas manual tidak didukung; gunakan tugas pengguna.'],
];

const UNSUPPORTED_EVENTS = [
  ['bpmn:SignalEventDefinition', 'Peristiwa sinyal tidak didukung; gunakan pesan.'],
  ['bpmn:EscalationEventDefinition', 'Peristiwa eskalasi tidak didukung; gunakan galat atau pesan.'],
  ['bpmn:CompensateEventDefinition', 'Kompensasi tidak didukung.'],
  ['bpmn:ConditionalEventDefinition', 'Peristiwa bersyarat tidak didukung.'],
  ['bpmn:LinkEventDefinition', 'Peristiwa tautan tidak didukung.'],
  ['bpmn:CancelEventDefinition', 'Peristiwa pembatalan tidak didukung.'],
];

export function unsupportedElements() {
  function check(node, reporter) {
    for (const [type, message] of UNSUPPORTED_TYPES) {
      if (node.$instanceOf(type)) reporter.report(node.id, message);
    }
    if (node.$instanceOf('bpmn:SubProcess') && node.triggeredByEvent) {
      reporter.report(node.id, 'Subproses peristiwa belum didukung mesin.');
    }
    if (node.$instanceOf('bpmn:Event')) {
      for (const definition of node.eventDefinitions || []) {
        for (const [type, message] of UNSUPPORTED_EVENTS) {
          if (definition.$instanceOf(type)) reporter.report(node.id, message);
        }
      }
    }
  }
  return { check };
}

export function startEventRequired() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process')) return;
    const starts = (node.flowElements || []).filter((e) => e.$instanceOf('bpmn:StartEvent'));
    if (starts.length === 0) reporter.report(node.id, 'Proses memerlukan peristiwa mulai.');
  }
  return { check };
}

export function jobTypeRequired() {
  const jobTasks = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];
  function extension(node, type) {
    return (node.extensionElements?.values || []).find((v) => v.$instanceOf(type));
  }
  function check(node, reporter) {
    if (jobTasks.some((t) => node.$instanceOf(t))) {
      if (!extension(node, 'zeebe:TaskDefinition')?.type) reporter.report(node.id, 'Tugas ini perlu tipe pekerjaan (zeebe:taskDefinition type), mis. "email".');
    }
    if (node.$instanceOf('bpmn:ScriptTask') && !extension(node, 'zeebe:Script') && !extension(node, 'zeebe:TaskDefinition')?.type) {
      reporter.report(node.id, 'Tugas skrip perlu ekspresi FEEL (zeebe:script) atau tipe pekerjaan.');
    }
  }
  return { check };
}

export function noDisconnected() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:FlowNode') || node.$instanceOf('bpmn:BoundaryEvent')) return;
    if (node.$parent?.$instanceOf('bpmn:SubProcess') && node.$parent.triggeredByEvent) return;
    const incoming = node.incoming || [];
    const outgoing = node.outgoing || [];
    if (incoming.length === 0 && outgoing.length === 0) reporter.report(node.id, 'Elemen tidak tersambung ke alur mana pun.');
  }
  return { check };
}

export function conditionOnGatewayFlows() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:ExclusiveGateway')) return;
    const outgoing = node.outgoing || [];
    if (outgoing.length < 2) return;
    for (const flow of outgoing) {
      if (flow !== node.default && !flow.conditionExpression) {
        reporter.report(flow.id, 'Alur keluar gerbang eksklusif perlu kondisi FEEL atau dijadikan alur bawaan.');
      }
    }
  }
  return { check };
}
