import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import { createRequire } from 'module';
import fs from 'fs';
const require = createRequire(import.meta.url);
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const moddle = new BpmnModdle({ zeebe });
const out = process.argv[2];

const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ext = inner => `<bpmn:extensionElements>${inner}</bpmn:extensionElements>`;
const start = (id, name = 'Mulai') => `<bpmn:startEvent id="${id}" name="${name}"/>`;
const end = (id, name = 'Selesai') => `<bpmn:endEvent id="${id}" name="${name}"/>`;
const service = (id, name, type, more = '', inner = '') => `<bpmn:serviceTask id="${id}" name="${name}">${ext(`<zeebe:taskDefinition type="${type}" retries="3"/>${more}`)}${inner}</bpmn:serviceTask>`;
const user = (id, name, assign, more = '', inner = '') => `<bpmn:userTask id="${id}" name="${name}">${ext(`<zeebe:userTask/><zeebe:assignmentDefinition ${assign}/>${more}`)}${inner}</bpmn:userTask>`;
const xor = (id, name = '') => `<bpmn:exclusiveGateway id="${id}" name="${name}"/>`;
const and = id => `<bpmn:parallelGateway id="${id}"/>`;
const io = (...m) => `<zeebe:ioMapping>${m.map(([k, s, t]) => `<zeebe:${k} source="${esc(s)}" target="${t}"/>`).join('')}</zeebe:ioMapping>`;
const loop = (coll, el, seq = false, oc = '', oe = '') => `<bpmn:multiInstanceLoopCharacteristics${seq ? ' isSequential="true"' : ''}>${ext(`<zeebe:loopCharacteristics inputCollection="${esc(coll)}" inputElement="${el}"${oc ? ` outputCollection="${oc}" outputElement="${esc(oe)}"` : ''}/>`)}</bpmn:multiInstanceLoopCharacteristics>`;
const timerB = (id, host, kind, value, cancel = true, name = '') => `<bpmn:boundaryEvent id="${id}" name="${name}" attachedToRef="${host}"${cancel ? '' : ' cancelActivity="false"'}><bpmn:timerEventDefinition id="${id}_def"><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${esc(value)}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:boundaryEvent>`;
const errorB = (id, host, ref, name = '') => `<bpmn:boundaryEvent id="${id}" name="${name}" attachedToRef="${host}"><bpmn:errorEventDefinition id="${id}_def"${ref ? ` errorRef="${ref}"` : ''}/></bpmn:boundaryEvent>`;
const msgB = (id, host, ref, name = '') => `<bpmn:boundaryEvent id="${id}" name="${name}" attachedToRef="${host}"><bpmn:messageEventDefinition id="${id}_def" messageRef="${ref}"/></bpmn:boundaryEvent>`;
const message = (id, name, key) => `<bpmn:message id="${id}" name="${name}">${key ? ext(`<zeebe:subscription correlationKey="${esc(key)}"/>`) : ''}</bpmn:message>`;
const error = (id, name, code) => `<bpmn:error id="${id}" name="${name}" errorCode="${code}"/>`;

function build(processId, name, elements, flows, root = '') {
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

async function emit(file, xml) {
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

const D = [];
D.push(['selection-ranking.bpmn', build('pppk-selection', 'Seleksi PPPK',
  start('start', 'Formasi dibuka') +
  service('importScores', 'Impor nilai CAT', 'cat-import', io(['output', '=applicants', 'applicants'])) +
  service('scoreApplicant', 'Hitung nilai', 'score-applicant', '', loop('=applicants', 'applicant', false, 'scores', '=score')) +
  service('rank', 'Peringkat', 'rank-applicants') +
  xor('anyPassed', 'Ada yang lulus?') +
  user('reviewRanking', 'Tinjau peringkat', 'candidateGroups="hr-staff"', '<zeebe:taskSchedule dueDate="=now() + duration(&quot;P3D&quot;)"/><zeebe:formDefinition formId="review-ranking"/>') +
  timerB('remindReview', 'reviewRanking', 'timeCycle', 'R/P1D', false, 'Pengingat harian') +
  service('sendReminder', 'Kirim pengingat', 'email', '<zeebe:taskHeaders><zeebe:header key="template" value="review-reminder"/><zeebe:header key="to" value="hr-staff"/></zeebe:taskHeaders>') +
  end('endReminder', 'Pengingat terkirim') + end('announced', 'Diumumkan') + end('noneePassed', 'Tidak ada yang lulus'),
  'start -> importScores -> scoreApplicant -> rank -> anyPassed; anyPassed -> reviewRanking [=count(scores[item >= 65]) > 0] -> announced; anyPassed -> noneePassed [default]; remindReview -> sendReminder -> endReminder')]);

D.push(['sk-issuance.bpmn', build('pppk-sk-issuance', 'Penerbitan SK',
  start('start') +
  user('draftSk', 'Susun draf SK', 'assignee="=drafter"', '<zeebe:formDefinition formId="sk-draft"/>') +
  service('numberSk', 'Beri nomor SK', 'sk-number') +
  `<bpmn:callActivity id="signSk" name="Tanda tangan SK">${ext('<zeebe:calledElement processId="pppk-signing" propagateAllChildVariables="false"/>' + io(['input', '=skNumber', 'documentNumber'], ['output', '=signedAt', 'skSignedAt']))}</bpmn:callActivity>` +
  errorB('signRejected', 'signSk', 'Error_Rejected', 'Ditolak') +
  user('reviseSk', 'Perbaiki SK', 'candidateGroups="hr-staff"') +
  end('issued', 'SK terbit'),
  'start -> draftSk -> numberSk -> signSk -> issued; signRejected -> reviseSk -> numberSk',
  error('Error_Rejected', 'Ditolak', 'SIGN_REJECTED'))]);

D.push(['signing.bpmn', build('pppk-signing', 'Tanda tangan',
  start('start') +
  user('sign', 'Tanda tangani', 'assignee="kepala-bkpsdm"') +
  xor('approved', 'Disetujui?') +
  `<bpmn:scriptTask id="stamp" name="Catat waktu">${ext('<zeebe:script expression="=string(now())" resultVariable="signedAt"/>')}</bpmn:scriptTask>` +
  end('signed', 'Ditandatangani') +
  `<bpmn:endEvent id="rejected" name="Ditolak"><bpmn:errorEventDefinition id="rejected_def" errorRef="Error_Rejected"/></bpmn:endEvent>`,
  'start -> sign -> approved; approved -> stamp [=decision = "approve"] -> signed; approved -> rejected [default]',
  error('Error_Rejected', 'Ditolak', 'SIGN_REJECTED'))]);

D.push(['contract-renewal.bpmn', build('pppk-contract-renewal', 'Perpanjangan kontrak',
  `<bpmn:startEvent id="daily" name="Setiap hari kerja"><bpmn:timerEventDefinition id="daily_def"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">0 0 8 * * MON-FRI</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>` +
  service('findExpiring', 'Cari kontrak berakhir', 'contracts-expiring') +
  service('notify', 'Kirim pemberitahuan', 'email', '<zeebe:taskHeaders><zeebe:header key="template" value="renewal-notice"/></zeebe:taskHeaders>') +
  `<bpmn:eventBasedGateway id="waitAnswer" name="Tunggu jawaban"/>` +
  `<bpmn:intermediateCatchEvent id="answer" name="Jawaban pegawai"><bpmn:messageEventDefinition id="answer_def" messageRef="Message_Answer"/></bpmn:intermediateCatchEvent>` +
  `<bpmn:intermediateCatchEvent id="noAnswer" name="14 hari"><bpmn:timerEventDefinition id="noAnswer_def"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>` +
  user('decide', 'Putuskan perpanjangan', 'candidateGroups="hr-head"') +
  end('decided', 'Diputuskan') + end('lapsed', 'Tidak dijawab'),
  'daily -> findExpiring -> notify -> waitAnswer; waitAnswer -> answer -> decide -> decided; waitAnswer -> noAnswer -> lapsed',
  message('Message_Answer', 'renewal-answer', '=nip'))]);

D.push(['performance-evaluation.bpmn', build('pppk-performance-evaluation', 'Penilaian kinerja (SKP)',
  start('start') +
  user('selfAssess', 'Penilaian diri', 'assignee="=employee"') +
  user('evaluate', 'Penilaian atasan', 'assignee="=evaluator"', io(['output', '=rating', 'rating']), loop('=evaluators', 'evaluator', true, 'ratings', '=rating')) +
  `<bpmn:scriptTask id="average" name="Rata-rata">${ext('<zeebe:script expression="=mean(ratings)" resultVariable="finalRating"/>')}</bpmn:scriptTask>` +
  `<bpmn:intermediateThrowEvent id="evaluated" name="Dinilai"/>` +
  end('done'),
  'start -> selfAssess -> evaluate -> average -> evaluated -> done')]);

D.push(['document-verification.bpmn', build('pppk-document-verification', 'Verifikasi berkas',
  start('start') +
  `<bpmn:subProcess id="verify" name="Periksa berkas">${start('vs')}${service('checkIdentity', 'Cek NIK', 'nik-check')}${xor('valid', 'Sah?')}${end('ve', 'Berkas sah')}<bpmn:endEvent id="invalid" name="Tidak sah"><bpmn:errorEventDefinition id="invalid_def" errorRef="Error_Invalid"/></bpmn:endEvent></bpmn:subProcess>` +
  errorB('caughtInvalid', 'verify', 'Error_Invalid', 'Tidak sah') +
  timerB('tooLong', 'verify', 'timeDuration', 'P5D', true, 'Terlalu lama') +
  user('requestFix', 'Minta perbaikan', 'candidateGroups="hr-staff"') +
  `<bpmn:endEvent id="aborted" name="Dihentikan"><bpmn:terminateEventDefinition id="aborted_def"/></bpmn:endEvent>` +
  end('verified', 'Terverifikasi') + end('fixRequested', 'Perbaikan diminta'),
  'start -> verify -> verified; vs -> checkIdentity -> valid; valid -> ve [=identityOk] ; valid -> invalid [default]; caughtInvalid -> requestFix -> fixRequested; tooLong -> aborted',
  error('Error_Invalid', 'Tidak sah', 'DOC_INVALID'))]);

D.push(['budget-check.bpmn', build('pppk-budget-check', 'Cek anggaran',
  start('start') +
  service('checkBudget', 'Cek anggaran', 'fiscal-check', '<zeebe:taskHeaders><zeebe:header key="year" value="2026"/></zeebe:taskHeaders>' + io(['input', '=formationId', 'formation'], ['output', '=available', 'budgetAvailable'])) +
  errorB('noBudget', 'checkBudget', 'Error_NoBudget', 'Anggaran tidak cukup') +
  user('adjust', 'Sesuaikan formasi', 'candidateGroups="hr-head,finance"') +
  end('ok', 'Anggaran cukup') + end('adjusted', 'Disesuaikan'),
  'start -> checkBudget -> ok; noBudget -> adjust -> adjusted',
  error('Error_NoBudget', 'Tidak cukup', 'NO_BUDGET'))]);

D.push(['applicant-registration.bpmn', build('pppk-applicant-registration', 'Pendaftaran pelamar',
  `<bpmn:startEvent id="registered" name="Pendaftaran diterima"><bpmn:messageEventDefinition id="registered_def" messageRef="Message_Registered"/></bpmn:startEvent>` +
  `<bpmn:receiveTask id="waitDocuments" name="Tunggu berkas" messageRef="Message_Documents"/>` +
  timerB('documentsLate', 'waitDocuments', 'timeDate', '=deadline', true, 'Batas waktu') +
  service('confirm', 'Kirim konfirmasi', 'email', '<zeebe:taskHeaders><zeebe:header key="template" value="registration-confirmed"/></zeebe:taskHeaders>') +
  end('complete', 'Lengkap') + end('expired', 'Kedaluwarsa'),
  'registered -> waitDocuments -> confirm -> complete; documentsLate -> expired',
  message('Message_Registered', 'applicant-registered', '') + message('Message_Documents', 'documents-uploaded', '=applicantId'))]);

D.push(['parallel-approval.bpmn', build('pppk-parallel-approval', 'Persetujuan paralel',
  start('start') + and('fork') +
  user('approveHr', 'Persetujuan BKPSDM', 'candidateGroups="hr-head"') +
  user('approveFinance', 'Persetujuan BPKAD', 'candidateGroups="finance"') +
  service('archive', 'Arsipkan', 'archive') + and('join') +
  user('finalize', 'Finalisasi', 'assignee="=owner"') + end('done'),
  'start -> fork; fork -> approveHr -> join; fork -> approveFinance -> join; fork -> archive -> join; join -> finalize -> done')]);

D.push(['reminder-escalation.bpmn', build('pppk-reminder-escalation', 'Pengingat dan eskalasi',
  start('start') +
  user('respond', 'Tanggapi', 'assignee="=assignee"', '<zeebe:taskSchedule dueDate="2026-12-31T17:00:00+08:00"/>') +
  timerB('remind', 'respond', 'timeCycle', 'R3/PT4H', false, 'Setiap 4 jam') +
  timerB('escalateAfter', 'respond', 'timeDuration', 'P2D', true, 'Setelah 2 hari') +
  msgB('withdrawn', 'respond', 'Message_Withdrawn', 'Ditarik') +
  service('remindEmail', 'Kirim pengingat', 'email') +
  user('escalate', 'Eskalasi', 'candidateGroups="hr-head"') +
  end('done') + end('reminded', 'Diingatkan') + end('escalated', 'Dieskalasi') + end('stopped', 'Ditarik'),
  'start -> respond -> done; remind -> remindEmail -> reminded; escalateAfter -> escalate -> escalated; withdrawn -> stopped',
  message('Message_Withdrawn', 'request-withdrawn', '=requestId'))]);

D.push(['revision-loop.bpmn', build('pppk-revision-loop', 'Revisi berulang',
  start('start') + xor('merge') +
  user('revise', 'Revisi dokumen', 'candidateUsers="=author"') +
  user('check', 'Periksa', 'candidateGroups="hr-staff"') +
  xor('ok', 'Diterima?') + end('accepted', 'Diterima'),
  'start -> merge -> revise -> check -> ok; ok -> accepted [=accepted = true]; ok -> merge [default]')]);

for (const [file, xml] of D) await emit(file, xml);
console.log('wrote', D.length);
