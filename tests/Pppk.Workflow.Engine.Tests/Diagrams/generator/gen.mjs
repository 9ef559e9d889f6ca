// The reference diagrams of the engine tests; the shared helpers are in workflows/generator/bpmn-builder.mjs.
import { esc, ext, start, end, service, user, xor, and, io, loop, timerB, errorB, msgB, message, error, build, emit } from './bpmn-builder.mjs';
const out = process.argv[2];

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

for (const [file, xml] of D) await emit(out, file, xml);
console.log('wrote', D.length);
