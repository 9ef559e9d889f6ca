// usulan-paruh-waktu.bpmn (issue 14): written like pppk-workflows.mjs, laid out by bpmn-auto-layout.
// Run (see README.md): node usulan-paruh-waktu.mjs <repo>/workflows
import { ext, start, end, service, user, xor, io, timerB, message, build, emit, send, form, due } from './bpmn-builder.mjs';
const out = process.argv[2];
const model = (pairs) => io(...Object.entries(pairs).map(([target, source]) => ['input', source, target]));
const receive = (id, name, ref) => `<bpmn:receiveTask id="${id}" name="${name}" messageRef="${ref}"/>`;
const caseRule = ext('<zeebe:properties><zeebe:property name="caseUnit" value="=unitCode"/><zeebe:property name="caseSubject" value="=nik"/></zeebe:properties>');

await emit(out, 'usulan-paruh-waktu.bpmn', build('usulan-paruh-waktu', 'Usulan PPPK paruh waktu',
  caseRule +
  start('diusulkan', 'Honorer tidak lulus diusulkan') +
  service('periksa_calon', 'Periksa calon PPPK paruh waktu', 'pppk.part-time-candidate') +
  user('keputusan_bkpsdm', 'Putuskan usulan PPPK paruh waktu', 'candidateGroups="hr-admin"',
    form('form-keputusan-paruh-waktu') + due('=add working days(now(), 10)')) +
  xor('disetujui', 'Diusulkan?') +
  end('tidak_diusulkan', 'Tidak diusulkan') +
  service('buat_pegawai', 'Buat data pegawai', 'pppk.create-employee') +
  service('usul_ni', 'Usulkan NI PPPK ke BKN', 'pppk.propose-ni') +
  receive('ni_terbit', 'Tunggu NI PPPK dari BKN', 'Message_NiParuhWaktu') +
  timerB('ingatkan_ni', 'ni_terbit', 'timeCycle', 'R/P14D', false, 'Setiap 2 minggu') +
  send('kirim_pengingat_ni', 'Ingatkan BKPSDM menindaklanjuti NI', 'pengingat-ni', 'role:hr-admin', model({ nama: '=name', nik: '=nik' })) +
  end('ni_diingatkan', 'Diingatkan') +
  service('catat_ni', 'Catat NI PPPK', 'pppk.record-ni') +
  service('nomor_sk', 'Beri nomor SK', 'pppk.sk-number') +
  user('tanda_tangan', 'Tanda tangani SK', 'candidateGroups="ppk"', form('form-tanda-tangan-sk') + due('=add working days(now(), 5)')) +
  user('perjanjian', 'Siapkan perjanjian kerja paruh waktu', 'candidateGroups="hr-admin"', form('form-perjanjian-paruh-waktu')) +
  service('kontrak', 'Buat kontrak paruh waktu', 'pppk.create-contract', io(['input', '=true', 'partTime'])) +
  send('kirim_sk', 'Kirim SK dan kontrak ke pegawai', 'sk-paruh-waktu', '=email', model({ nama: '=name', ni_pppk: '=niPppk', nomor_sk: '=skNumber', tanggal_sk: '=skDate',
    jabatan: '=position', unit_kerja: '=unitCode', tmt: '=tmt', akhir_kontrak: '=contractEnd', jam_kerja: '=weeklyHours', dasar_upah: '=payBasis' })) +
  end('diangkat', 'Diangkat PPPK paruh waktu'),
  'diusulkan -> periksa_calon -> keputusan_bkpsdm -> disetujui; disetujui -> buat_pegawai [=partTimeApproved = true]; disetujui -> tidak_diusulkan [default]; ' +
  'buat_pegawai -> usul_ni -> ni_terbit -> catat_ni -> nomor_sk -> tanda_tangan -> perjanjian -> kontrak -> kirim_sk -> diangkat; ' +
  'ingatkan_ni -> kirim_pengingat_ni -> ni_diingatkan',
  message('Message_NiParuhWaktu', 'ni-terbit', '=nik')));
console.log('wrote usulan-paruh-waktu.bpmn');
