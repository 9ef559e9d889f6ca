// Lint rules for the executable subset of BPMN.md; messages in Bahasa Indonesia. Each rule is a bpmnlint rule factory.

// Elements the engine refuses at deploy, each with the refusal code the server gives (docs/bpmn.md "What is refused").
// Engine.Tests/Validation/DesignerLintTests.cs checks every entry against the engine: what the engine runs lints clean.
export const UNSUPPORTED_TYPES = [
  ['bpmn:ComplexGateway', 'unsupported-complex-gateway', 'Gerbang kompleks tidak didukung.'],
  ['bpmn:Transaction', 'unsupported-transaction', 'Transaksi tidak didukung.'],
  ['bpmn:AdHocSubProcess', 'unsupported-ad-hoc-subprocess', 'Subproses ad-hoc tidak didukung; gunakan subproses tertanam dengan gerbang.'],
  ['bpmn:DataObjectReference', 'unsupported-data-object', 'Objek data tidak didukung; gunakan variabel proses.'],
  ['bpmn:DataStoreReference', 'unsupported-data-store', 'Penyimpanan data tidak didukung; gunakan variabel proses.'],
];

export const UNSUPPORTED_EVENTS = [
  ['bpmn:CancelEventDefinition', 'unsupported-cancel-event', 'Peristiwa pembatalan tidak didukung.'],
];

export function unsupportedElements() {
  function check(node, reporter) {
    for (const [type, , message] of UNSUPPORTED_TYPES) {
      if (node.$instanceOf(type)) reporter.report(node.id, message);
    }
    if (node.$instanceOf('bpmn:Event')) {
      for (const definition of node.eventDefinitions || []) {
        for (const [type, , message] of UNSUPPORTED_EVENTS) {
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
    if (node.$instanceOf('bpmn:SubProcess') && node.triggeredByEvent) return; // entered by its start event, never by a flow
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

function extensions(node, type) {
  return (node.extensionElements?.values || []).filter((v) => v.$instanceOf(type));
}

// Listeners the engine runs: execution start/end, task creating/assigning/completing (docs/bpmn.md "Listeners").
const TASK_EVENTS = ['creating', 'create', 'assigning', 'assignment', 'completing', 'complete'];

export function listeners() {
  function check(node, reporter) {
    const isProcess = node.$instanceOf('bpmn:Process');
    if (!isProcess && !node.$instanceOf('bpmn:FlowNode')) return;
    for (const group of extensions(node, 'zeebe:ExecutionListeners')) {
      for (const l of group.listeners || []) {
        if (!['start', 'end'].includes(l.eventType)) reporter.report(node.id, `Listener eksekusi "${l.eventType}" tidak dikenal; gunakan start atau end.`);
        if (!l.type) reporter.report(node.id, 'Listener perlu tipe pekerjaan (type).');
        if (l.eventType === 'end' && node.$instanceOf('bpmn:Gateway')) reporter.report(node.id, 'Gerbang tidak dapat memiliki listener end; gunakan listener start.');
        if (l.eventType === 'start' && node.$instanceOf('bpmn:BoundaryEvent')) reporter.report(node.id, 'Peristiwa batas tidak dapat memiliki listener start; gunakan listener end.');
      }
    }
    for (const group of extensions(node, 'zeebe:TaskListeners')) {
      if (!node.$instanceOf('bpmn:UserTask')) reporter.report(node.id, 'Listener tugas hanya untuk tugas pengguna.');
      for (const l of group.listeners || []) {
        if (!TASK_EVENTS.includes(l.eventType)) reporter.report(node.id, `Listener tugas "${l.eventType}" belum dijalankan mesin; gunakan creating, assigning atau completing.`);
        if (!l.type) reporter.report(node.id, 'Listener perlu tipe pekerjaan (type).');
      }
    }
  }
  return { check };
}

// bindingType (latest, deployment, versionTag), embedded forms and task priority (docs/bpmn.md "Bindings", "Task priority").
export function bindings() {
  function checkBinding(node, link, reporter) {
    const type = link.bindingType || 'latest';
    if (!['latest', 'deployment', 'versionTag'].includes(type)) reporter.report(node.id, `bindingType "${type}" tidak dikenal; gunakan latest, deployment atau versionTag.`);
    if (type === 'versionTag' && !link.versionTag) reporter.report(node.id, 'bindingType versionTag memerlukan versionTag.');
  }
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:FlowNode')) return;
    for (const type of ['zeebe:CalledElement', 'zeebe:FormDefinition', 'zeebe:CalledDecision']) {
      for (const link of extensions(node, type)) checkBinding(node, link, reporter);
    }
    for (const form of extensions(node, 'zeebe:FormDefinition')) {
      const key = form.formKey || '';
      if (!key.startsWith('camunda-forms:bpmn:')) continue;
      let process = node.$parent;
      while (process && !process.$instanceOf('bpmn:Process')) process = process.$parent;
      const id = key.slice('camunda-forms:bpmn:'.length);
      if (process && !extensions(process, 'zeebe:UserTaskForm').some((f) => f.id === id)) reporter.report(node.id, `Formulir tertanam "${id}" tidak ada dalam proses.`);
    }
    for (const p of extensions(node, 'zeebe:PriorityDefinition')) {
      const value = (p.priority || '').trim();
      if (value && !value.startsWith('=') && !(/^\d+$/.test(value) && Number(value) <= 100)) reporter.report(node.id, 'Prioritas harus bilangan bulat 0 sampai 100 atau ekspresi FEEL.');
    }
  }
  return { check };
}

// A compensation start event starts an interrupting event subprocess directly inside an embedded subprocess, at most
// one per subprocess (the engine's 'compensation-start-placement'; docs/bpmn.md "Compensation").
export function compensationStart() {
  const isCompensationStart = (e) => e.$instanceOf('bpmn:StartEvent')
    && (e.eventDefinitions || []).some((d) => d.$instanceOf('bpmn:CompensateEventDefinition'));
  function check(node, reporter) {
    if (!isCompensationStart(node)) return;
    const eventSub = node.$parent;
    const owner = eventSub?.$parent;
    const inEmbedded = eventSub?.$instanceOf('bpmn:SubProcess') && eventSub.triggeredByEvent
      && owner?.$instanceOf('bpmn:SubProcess') && !owner.triggeredByEvent
      && !owner.$instanceOf('bpmn:Transaction') && !owner.$instanceOf('bpmn:AdHocSubProcess');
    const siblings = inEmbedded
      ? (owner.flowElements || []).filter((e) => e.$instanceOf('bpmn:SubProcess') && e.triggeredByEvent && (e.flowElements || []).some(isCompensationStart))
      : [];
    if (!inEmbedded || node.isInterrupting === false || siblings.length > 1) {
      reporter.report(node.id, 'Peristiwa mulai kompensasi hanya untuk subproses peristiwa yang menyela, langsung di dalam subproses tertanam (satu per subproses), bukan di tingkat proses.');
    }
  }
  return { check };
}
