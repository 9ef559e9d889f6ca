import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import { createRequire } from 'module';
import fs from 'fs';
const require = createRequire(import.meta.url);
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const moddle = new BpmnModdle({ zeebe });

export const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const ext = inner => `<bpmn:extensionElements>${inner}</bpmn:extensionElements>`;
export const start = (id, name = 'Mulai') => `<bpmn:startEvent id="${id}" name="${name}"/>`;
export const end = (id, name = 'Selesai') => `<bpmn:endEvent id="${id}" name="${name}"/>`;
export const service = (id, name, type, more = '', inner = '') => `<bpmn:serviceTask id="${id}" name="${name}">${ext(`<zeebe:taskDefinition type="${type}" retries="3"/>${more}`)}${inner}</bpmn:serviceTask>`;
export const user = (id, name, assign, more = '', inner = '') => `<bpmn:userTask id="${id}" name="${name}">${ext(`<zeebe:userTask/><zeebe:assignmentDefinition ${assign}/>${more}`)}${inner}</bpmn:userTask>`;
export const xor = (id, name = '') => `<bpmn:exclusiveGateway id="${id}" name="${name}"/>`;
export const and = id => `<bpmn:parallelGateway id="${id}"/>`;
export const io = (...m) => `<zeebe:ioMapping>${m.map(([k, s, t]) => `<zeebe:${k} source="${esc(s)}" target="${t}"/>`).join('')}</zeebe:ioMapping>`;
export const loop = (coll, el, seq = false, oc = '', oe = '') => `<bpmn:multiInstanceLoopCharacteristics${seq ? ' isSequential="true"' : ''}>${ext(`<zeebe:loopCharacteristics inputCollection="${esc(coll)}" inputElement="${el}"${oc ? ` outputCollection="${oc}" outputElement="${esc(oe)}"` : ''}/>`)}</bpmn:multiInstanceLoopCharacteristics>`;
export const timerB = (id, host, kind, value, cancel = true, name = '') => `<bpmn:boundaryEvent id="${id}" name="${name}" attachedToRef="${host}"${cancel ? '' : ' cancelActivity="false"'}><bpmn:timerEventDefinition id="${id}_def"><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${esc(value)}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:boundaryEvent>`;
export const errorB = (id, host, ref, name = '') => `<bpmn:boundaryEvent id="${id}" name="${name}" attachedToRef="${host}"><bpmn:errorEventDefinition id="${id}_def"${ref ? ` errorRef="${ref}"` : ''}/></bpmn:boundaryEvent>`;
export const msgB = (id, host, ref, name = '') => `<bpmn:boundaryEvent id="${id}" name="${name}" attachedToRef="${host}"><bpmn:messageEventDefinition id="${id}_def" messageRef="${ref}"/></bpmn:boundaryEvent>`;
export const message = (id, name, key) => `<bpmn:message id="${id}" name="${name}">${key ? ext(`<zeebe:subscription correlationKey="${esc(key)}"/>`) : ''}</bpmn:message>`;
export const error = (id, name, code) => `<bpmn:error id="${id}" name="${name}" errorCode="${code}"/>`;

export function build(processId, name, elements, flows, root = '') {
  let n = 0;
  const flowXml = [];
  const defaults = {};
  for (const chain of flows.split(';').map(s => s.trim()).filter(Boolean)) {
    const parts = chain.split('->').map(s => s.trim());
    for (let i = 0; i < parts.length - 1; i++) {
      const src = parts[i].split('[')[0].trim();
      const tp = parts[i + 1];
      const tgt = tp.split('[')[0].trim();
      const id = `Flow_${src}_${tgt}`.replace(/[^A-Za-z0-9_]/g, '_') + (++n > 0 ? '' : '');
      let cond = '';
      const m = tp.match(/\[(.*)\]$/);
      if (m) {
        if (m[1] === 'default') defaults[src] = id;
        else cond = `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(m[1])}</bpmn:conditionExpression>`;
      }
      flowXml.push({ src, xml: `<bpmn:sequenceFlow id="${id}" sourceRef="${src}" targetRef="${tgt}">${cond}</bpmn:sequenceFlow>` });
    }
  }
  // place flows in the scope of their source: flows of subprocess members go inside the subprocess
  let body = elements;
  const inSub = (src) => { const re = new RegExp(`<bpmn:subProcess[^>]*>(?:(?!</bpmn:subProcess>).)*id="${src}"`, 's'); return re.test(body); };
  const top = [];
  for (const f of flowXml) {
    if (inSub(f.src)) {
      const idx = body.indexOf(`id="${f.src}"`);
      const close = body.indexOf('</bpmn:subProcess>', idx);
      body = body.slice(0, close) + f.xml + body.slice(close);
    } else top.push(f.xml);
  }
  for (const [src, id] of Object.entries(defaults)) body = body.replace(`id="${src}"`, `id="${src}" default="${id}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
<bpmn:process id="${processId}" name="${name}" isExecutable="true">${body}${top.join('')}</bpmn:process>${root}</bpmn:definitions>`;
}

export async function emit(out, file, xml) {
  // moddle fills in incoming/outgoing like the modeler does, then auto-layout adds the diagram interchange
  const { rootElement, warnings } = await moddle.fromXML(xml);
  if (warnings.length) console.error(file, warnings.map(w => w.message));
  const walk = (container) => {
    for (const f of container.flowElements || []) {
      if (f.$type === 'bpmn:SequenceFlow') {
        (f.sourceRef.outgoing ||= []).push(f);
        (f.targetRef.incoming ||= []).push(f);
      }
      if (f.flowElements) walk(f);
    }
  };
  for (const p of rootElement.rootElements.filter(e => e.$type === 'bpmn:Process')) walk(p);
  const { xml: semantic } = await moddle.toXML(rootElement, { format: true });
  const laid = await layoutProcess(semantic);
  const again = await moddle.fromXML(laid);
  const { xml: final } = await moddle.toXML(again.rootElement, { format: true });
  fs.writeFileSync(`${out}/${file}`, final + '\n');
}


// Elements the PPPK workflows use beyond the ones above.
export const send = (id, name, template, to, more = '') => `<bpmn:sendTask id="${id}" name="${name}">${ext(`<zeebe:taskDefinition type="email" retries="5"/><zeebe:taskHeaders><zeebe:header key="template" value="${template}"/><zeebe:header key="to" value="${esc(to)}"/></zeebe:taskHeaders>${more}`)}</bpmn:sendTask>`;
export const script = (id, name, expression, result) => `<bpmn:scriptTask id="${id}" name="${name}">${ext(`<zeebe:script expression="${esc(expression)}" resultVariable="${result}"/>`)}</bpmn:scriptTask>`;
export const catchMsg = (id, name, ref) => `<bpmn:intermediateCatchEvent id="${id}" name="${name}"><bpmn:messageEventDefinition id="${id}_def" messageRef="${ref}"/></bpmn:intermediateCatchEvent>`;
export const catchTimer = (id, name, kind, value) => `<bpmn:intermediateCatchEvent id="${id}" name="${name}"><bpmn:timerEventDefinition id="${id}_def"><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${esc(value)}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
export const evgw = (id, name = '') => `<bpmn:eventBasedGateway id="${id}" name="${name}"/>`;
export const call = (id, name, processId, more = '') => `<bpmn:callActivity id="${id}" name="${name}">${ext(`<zeebe:calledElement processId="${processId}" propagateAllChildVariables="true"/>${more}`)}</bpmn:callActivity>`;
export const timerStart = (id, name, cycle) => `<bpmn:startEvent id="${id}" name="${name}"><bpmn:timerEventDefinition id="${id}_def"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${esc(cycle)}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>`;
export const messageStart = (id, name, ref) => `<bpmn:startEvent id="${id}" name="${name}"><bpmn:messageEventDefinition id="${id}_def" messageRef="${ref}"/></bpmn:startEvent>`;
export const form = id => `<zeebe:formDefinition formId="${id}"/>`;
export const due = expr => `<zeebe:taskSchedule dueDate="${esc(expr)}"/>`;
