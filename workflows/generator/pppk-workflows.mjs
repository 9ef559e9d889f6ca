// The PPPK workflows deployed from workflows/: semantic BPMN written here, diagram interchange added by
// bpmn-auto-layout, so every file opens in the designer. Run (see README.md): node pppk-workflows.mjs <repo>/workflows
import { ext, start, end, service, user, xor, and, io, timerB, message, build, emit, send, script, catchMsg, catchTimer, evgw, call, timerStart, messageStart, form, due } from './bpmn-builder.mjs';
const out = process.argv[2];
const D = [];
const inline = (id, name, type, inputs = '') => service(id, name, type, inputs);
// Template variables are Indonesian (workflows/templates/README.md); each send task maps the process variables onto them.
const model = (pairs) => io(...Object.entries(pairs).map(([target, source]) => ['input', source, target]));
const text = s => `="${s}"`;
const remind = (id, host, cycle, name) => timerB(id, host, 'timeCycle', cycle, false, name);
const escalate = (id, host, after, name) => timerB(id, host, 'timeDuration', after, false, name);

D.push(['seleksi-pppk.bpmn', build('seleksi-pppk', 'Seleksi PPPK per pelamar',
  start('terdaftar', 'Pelamar terdaftar') +
  user('verifikasi', 'Verifikasi administrasi', 'candidateGroups="verifier"',
    form('form-verifikasi-administrasi') + due('=add working days(now(), if verificationWorkingDays != null then verificationWorkingDays else 3)') + io(['input', '=registrationNumber', 'registrationNumber'])) +
  remind('ingatkan_verifikator', 'verifikasi', 'R/P1D', 'Setiap hari') +
  send('kirim_pengingat_verifikator', 'Ingatkan verifikator', 'pengingat-tugas', 'role:verifier', model({ nama_tugas: text('Verifikasi administrasi'), proses: text('Seleksi PPPK'), kunci_bisnis: '=registrationNumber' })) + end('pengingat_terkirim', 'Pengingat terkirim') +
  escalate('eskalasi_verifikasi', 'verifikasi', 'P5D', 'Lewat 5 hari') +
  send('kirim_eskalasi', 'Eskalasi ke BKPSDM', 'eskalasi-tugas', 'role:hr-admin', model({ nama_tugas: text('Verifikasi administrasi'), proses: text('Seleksi PPPK'), kunci_bisnis: '=registrationNumber' })) + end('eskalasi_terkirim', 'Eskalasi terkirim') +
  inline('catat_verdict', 'Catat hasil verifikasi', 'pppk.record-verdict') +
  xor('ms', 'Memenuhi syarat?') +
  send('kirim_tms', 'Beritahu TMS dan masa sanggah', 'hasil-administrasi-tms', '=email', model({ nama: '=name', nomor_peserta: '=registrationNumber', formasi: '=formationCode',
    alasan: '=if verdictReason != null then verdictReason else "-"', sanggah_mulai: '=string(now())',
    sanggah_selesai: '=string(now() + (if appealWindow != null then duration(appealWindow) else duration("P3D")))' })) +
  evgw('masa_sanggah', 'Masa sanggah') +
  catchMsg('sanggah_masuk', 'Sanggah diajukan', 'Message_Sanggah') +
  catchTimer('sanggah_lewat', 'Masa sanggah berakhir', 'timeDuration', '=if appealWindow != null then duration(appealWindow) else duration("P3D")') +
  user('jawab_sanggah', 'Jawab sanggah', 'candidateGroups="verifier"', form('form-jawab-sanggah') + due('=add working days(now(), 2)')) +
  inline('catat_sanggah', 'Catat jawaban sanggah', 'pppk.record-appeal') +
  xor('sanggah_diterima', 'Sanggah diterima?') +
  send('kirim_sanggah_ditolak', 'Beritahu sanggah ditolak', 'sanggah-ditolak', '=email', model({ nama: '=name', nomor_peserta: '=registrationNumber', jawaban: '=appealAnswer' })) +
  end('tms_final', 'Tidak memenuhi syarat') + end('tms_tanpa_sanggah', 'TMS tanpa sanggah') +
  xor('gabung_ms', '') +
  catchMsg('nilai_cat', 'Nilai CAT diterima', 'Message_NilaiCat') +
  catchMsg('hasil_peringkat', 'Hasil peringkat formasi', 'Message_Hasil') +
  xor('lulus', 'Lulus?') +
  send('kirim_lulus', 'Umumkan kelulusan', 'hasil-seleksi', '=email', model({ nama: '=name', nomor_peserta: '=registrationNumber', formasi: '=formationCode', tahun: '=if year != null then year else today().year', lulus: '=passed', nilai_total: '=totalScore', peringkat: '=rank', tanggal_pengumuman: '=string(today())', batas_drh: '=string(add working days(now(), 10))' })) +
  call('penerbitan_sk', 'Penerbitan SK', 'penerbitan-sk') +
  send('kirim_tidak_lulus', 'Umumkan tidak lulus', 'hasil-seleksi', '=email', model({ nama: '=name', nomor_peserta: '=registrationNumber', formasi: '=formationCode', tahun: '=if year != null then year else today().year', lulus: '=passed', nilai_total: '=totalScore', peringkat: '=rank', tanggal_pengumuman: '=string(today())' })) +
  end('diangkat', 'Diangkat menjadi PPPK') + end('tidak_lulus', 'Tidak lulus'),
  'terdaftar -> verifikasi -> catat_verdict -> ms; ms -> gabung_ms [=adminVerdict = "MS"]; ms -> kirim_tms [default]; ' +
  'kirim_tms -> masa_sanggah; masa_sanggah -> sanggah_masuk -> jawab_sanggah -> catat_sanggah -> sanggah_diterima; masa_sanggah -> sanggah_lewat -> tms_tanpa_sanggah; ' +
  'sanggah_diterima -> gabung_ms [=adminVerdict = "MS"]; sanggah_diterima -> kirim_sanggah_ditolak [default]; kirim_sanggah_ditolak -> tms_final; ' +
  'gabung_ms -> nilai_cat -> hasil_peringkat -> lulus; lulus -> kirim_lulus [=passed = true]; lulus -> kirim_tidak_lulus [default]; ' +
  'kirim_lulus -> penerbitan_sk -> diangkat; kirim_tidak_lulus -> tidak_lulus; ' +
  'ingatkan_verifikator -> kirim_pengingat_verifikator -> pengingat_terkirim; eskalasi_verifikasi -> kirim_eskalasi -> eskalasi_terkirim',
  message('Message_Sanggah', 'sanggah-diajukan', '=registrationNumber') + message('Message_NilaiCat', 'nilai-cat', '=registrationNumber') +
  message('Message_Hasil', 'hasil-seleksi', '=registrationNumber'))]);

D.push(['penetapan-kelulusan.bpmn', build('penetapan-kelulusan', 'Penetapan kelulusan per formasi',
  start('mulai_manual', 'Dimulai BKPSDM') + messageStart('nilai_lengkap', 'Nilai formasi lengkap', 'Message_NilaiLengkap') + xor('gabung', '') +
  inline('peringkat', 'Susun peringkat formasi', 'pppk.rank-formation') +
  service('umumkan', 'Kirim hasil ke setiap pelamar', 'pppk.announce-ranking') +
  send('laporan', 'Laporkan hasil ke BKPSDM', 'laporan-peringkat', 'role:hr-admin', model({ formasi: '=formationCode', jumlah_peringkat: '=rankedCount', jumlah_lulus: '=passedCount', kuota: '=quota' })) +
  end('diumumkan', 'Hasil diumumkan'),
  'mulai_manual -> gabung; nilai_lengkap -> gabung; gabung -> peringkat -> umumkan -> laporan -> diumumkan',
  message('Message_NilaiLengkap', 'nilai-formasi-lengkap', ''))]);

D.push(['penerbitan-sk.bpmn', build('penerbitan-sk', 'Penerbitan SK PPPK',
  start('lulus', 'Pelamar lulus') +
  inline('buat_pegawai', 'Buat data pegawai', 'pppk.create-employee') +
  script('batas_drh', 'Tetapkan batas DRH', '=add working days(now(), if drhWorkingDays != null then drhWorkingDays else 10)', 'drhDue') +
  user('drh', 'Terima DRH lengkap', 'candidateGroups="hr-admin"', form('form-drh') + due('=drhDue')) +
  remind('ingatkan_drh', 'drh', 'R/P3D', 'Setiap 3 hari') +
  send('kirim_pengingat_drh', 'Ingatkan pelamar mengisi DRH', 'pengingat-drh', '=email', model({ nama: '=name', nomor_peserta: '=registrationNumber', batas_drh: '=string(drhDue)' })) + end('drh_diingatkan', 'Diingatkan') +
  inline('usul_ni', 'Usulkan NI PPPK ke BKN', 'pppk.propose-ni') +
  catchMsg('ni_terbit', 'NI PPPK terbit dari BKN', 'Message_Ni') +
  inline('catat_ni', 'Catat NI PPPK', 'pppk.record-ni') +
  inline('nomor_sk', 'Beri nomor SK', 'pppk.sk-number') +
  user('tanda_tangan', 'Tanda tangani SK', 'candidateGroups="ppk"', form('form-tanda-tangan-sk') + due('=add working days(now(), 5)')) +
  user('perjanjian', 'Siapkan perjanjian kerja', 'candidateGroups="hr-admin"', form('form-perjanjian-kerja')) +
  inline('kontrak', 'Buat kontrak', 'pppk.create-contract') +
  user('spmt', 'Catat SPMT', 'candidateGroups="hr-admin"', form('form-spmt')) +
  inline('catat_spmt', 'Simpan tanggal SPMT', 'pppk.record-spmt') +
  send('kirim_sk', 'Kirim SK dan kontrak ke pegawai', 'sk-terbit', '=email', model({ nama: '=name', ni_pppk: '=niPppk', nomor_sk: '=skNumber', tanggal_sk: '=skDate',
    jabatan: '=position', unit_kerja: '=unitCode', tmt: '=tmt', akhir_kontrak: '=contractEnd', gaji_pokok: '=baseSalary',
    jadwal_penyerahan: '=string(date and time(date(spmtDate), time("09:00:00")))', tempat_penyerahan: text('Kantor BKPSDM Kabupaten Kutai Kartanegara, Tenggarong') })) +
  end('diangkat', 'Pegawai diangkat'),
  'lulus -> buat_pegawai -> batas_drh -> drh -> usul_ni -> ni_terbit -> catat_ni -> nomor_sk -> tanda_tangan -> perjanjian -> kontrak -> spmt -> catat_spmt -> kirim_sk -> diangkat; ' +
  'ingatkan_drh -> kirim_pengingat_drh -> drh_diingatkan',
  message('Message_Ni', 'ni-terbit', '=nik'))
  // Reminders to HR every 2 weeks while the NI is awaited: a boundary on the catch event isn't BPMN, so the wait is a receive task.
  .replace('<bpmn:intermediateCatchEvent id="ni_terbit" name="NI PPPK terbit dari BKN"><bpmn:messageEventDefinition id="ni_terbit_def" messageRef="Message_Ni"/></bpmn:intermediateCatchEvent>',
    '<bpmn:receiveTask id="ni_terbit" name="Tunggu NI PPPK dari BKN" messageRef="Message_Ni"/>' +
    timerB('ingatkan_ni', 'ni_terbit', 'timeCycle', 'R/P14D', false, 'Setiap 2 minggu') +
    send('kirim_pengingat_ni', 'Ingatkan BKPSDM menindaklanjuti NI', 'pengingat-ni', 'role:hr-admin', model({ nama: '=name', nik: '=nik' })) + end('ni_diingatkan', 'Diingatkan'))
  .replace('</bpmn:process>', '<bpmn:sequenceFlow id="Flow_ingatkan_ni_kirim" sourceRef="ingatkan_ni" targetRef="kirim_pengingat_ni"/><bpmn:sequenceFlow id="Flow_kirim_ni_end" sourceRef="kirim_pengingat_ni" targetRef="ni_diingatkan"/></bpmn:process>')]);

D.push(['evaluasi-kinerja.bpmn', build('evaluasi-kinerja', 'Evaluasi kinerja pegawai',
  start('mulai', 'Periode penilaian dibuka') +
  user('nilai', 'Nilai kinerja pegawai', 'assignee="=evaluator"', form('form-penilaian-kinerja') + due('=add working days(now(), if evaluationWorkingDays != null then evaluationWorkingDays else 10)')) +
  remind('ingatkan_penilai', 'nilai', 'R/P2D', 'Setiap 2 hari') +
  send('kirim_pengingat_penilai', 'Ingatkan penilai', 'pengingat-tugas', '=evaluator', model({ nama_tugas: text('Penilaian kinerja'), proses: text('Evaluasi kinerja'), kunci_bisnis: '=employeeName' })) + end('penilai_diingatkan', 'Diingatkan') +
  escalate('eskalasi_penilaian', 'nilai', 'P10D', 'Lewat 10 hari') +
  user('tindak_lanjut', 'Tindak lanjuti penilaian terlambat', 'candidateGroups="unit-head"') + end('dieskalasi', 'Dieskalasi') +
  inline('catat', 'Catat predikat', 'pppk.record-evaluation') +
  xor('cek_distribusi', 'Distribusi melanggar batas?') +
  send('peringatan_distribusi', 'Peringatkan distribusi predikat', 'peringatan-distribusi', 'role:hr-admin', model({ unit_kerja: '=unitCode', pesan: '=distributionWarning' })) +
  xor('gabung', '') +
  send('beritahu', 'Beritahu pegawai', 'hasil-evaluasi', '=employeeEmail', model({ nama: '=employeeName', periode: '=period + " " + string(year)', predikat: '=predicate', penilai: '=evaluator', catatan: '=evaluationNotes' })) +
  xor('kurang', 'Kinerja kurang?') +
  user('pembinaan', 'Pembinaan kinerja', 'assignee="=evaluator"', form('form-pembinaan')) +
  end('selesai', 'Penilaian selesai') + end('selesai_pembinaan', 'Pembinaan dicatat'),
  'mulai -> nilai -> catat -> cek_distribusi; cek_distribusi -> peringatan_distribusi [=distributionCapBroken = true]; cek_distribusi -> gabung [default]; ' +
  'peringatan_distribusi -> gabung; gabung -> beritahu -> kurang; kurang -> pembinaan [=poorPerformance = true]; kurang -> selesai [default]; pembinaan -> selesai_pembinaan; ' +
  'ingatkan_penilai -> kirim_pengingat_penilai -> penilai_diingatkan; eskalasi_penilaian -> tindak_lanjut -> dieskalasi')]);

D.push(['siklus-evaluasi.bpmn', build('siklus-evaluasi', 'Siklus evaluasi kinerja',
  timerStart('triwulan', 'Setiap triwulan', 'R/2026-01-05T08:00:00/P3M') + timerStart('tahunan', 'Setiap akhir tahun', 'R/2026-12-15T08:00:00/P1Y') +
  script('periode_triwulan', 'Tentukan triwulan', '="Q" + string(ceiling(today().month / 3))', 'period') +
  script('periode_tahunan', 'Periode tahunan', '="annual"', 'period') +
  xor('gabung', '') +
  script('tahun', 'Tentukan tahun', '=today().year', 'year') +
  service('mulai_evaluasi', 'Mulai evaluasi setiap pegawai aktif', 'pppk.start-evaluations') +
  end('dimulai', 'Evaluasi dimulai'),
  'triwulan -> periode_triwulan -> gabung; tahunan -> periode_tahunan -> gabung; gabung -> tahun -> mulai_evaluasi -> dimulai')]);

D.push(['pemantauan-kontrak.bpmn', build('pemantauan-kontrak', 'Pemantauan kontrak berakhir',
  timerStart('harian', 'Setiap hari pukul 07.00', '0 7 * * *') +
  service('mulai_perpanjangan', 'Mulai tinjauan perpanjangan kontrak', 'pppk.start-renewals') +
  end('selesai', 'Tinjauan dimulai'),
  'harian -> mulai_perpanjangan -> selesai')]);

const reminderBranch = (days) =>
  xor(`perlu_${days}`, `Lebih dari ${days} hari?`) +
  catchTimer(`h_${days}`, `${days} hari sebelum berakhir`, 'timeDate', `=date and time(date(contractEnd) - duration("P${days}D"), time("08:00:00@Asia/Makassar"))`) +
  send(`ingatkan_${days}`, `Ingatkan pegawai (${days} hari)`, 'pengingat-kontrak-pegawai', '=employeeEmail',
    model({ nama: '=employeeName', akhir_kontrak: '=contractEnd', sisa_hari: `=${days}` })) +
  xor(`lewati_${days}`, '');

D.push(['perpanjangan-kontrak.bpmn', build('perpanjangan-kontrak', 'Perpanjangan kontrak PPPK',
  start('mulai', 'Kontrak akan berakhir') + and('cabang') +
  inline('ringkas_kinerja', 'Ringkas kinerja masa kontrak', 'pppk.performance-summary') +
  user('kebutuhan', 'Konfirmasi kebutuhan formasi', 'candidateGroups="unit-head"', form('form-kebutuhan-formasi') + due('=add working days(now(), 5)')) +
  inline('cek_fiskal', 'Cek kemampuan fiskal', 'pppk.fiscal-check') +
  xor('fiskal_cukup', 'Fiskal cukup?') +
  user('tinjau_fiskal', 'Tinjau hasil cek fiskal', 'candidateGroups="finance"', form('form-tinjau-fiskal')) +
  inline('catat_tinjau_fiskal', 'Catat keputusan keuangan', 'pppk.fiscal-override') +
  xor('gabung_fiskal', '') +
  script('rekomendasi', 'Susun rekomendasi', '=if poorPerformance or stillNeeded = false or fiscalOk = false then "tidak diperpanjang" else "diperpanjang"', 'recommendation') +
  user('keputusan_ppk', 'Keputusan PPK', 'candidateGroups="ppk"', form('form-keputusan-ppk') + due('=add working days(now(), if ppkWorkingDays != null then ppkWorkingDays else 5)')) +
  remind('ingatkan_ppk', 'keputusan_ppk', 'R/P2D', 'Setiap 2 hari') +
  send('kirim_pengingat_ppk', 'Ingatkan PPK', 'pengingat-tugas', 'role:ppk', model({ nama_tugas: text('Keputusan PPK'), proses: text('Perpanjangan kontrak'), kunci_bisnis: '=employeeName' })) + end('ppk_diingatkan', 'Diingatkan') +
  escalate('eskalasi_ppk', 'keputusan_ppk', 'P7D', 'Lewat 7 hari') +
  send('kirim_eskalasi_ppk', 'Eskalasi ke BKPSDM', 'eskalasi-tugas', 'role:hr-admin', model({ nama_tugas: text('Keputusan PPK'), proses: text('Perpanjangan kontrak'), kunci_bisnis: '=employeeName' })) + end('ppk_dieskalasi', 'Dieskalasi') +
  xor('diperpanjang', 'Diperpanjang?') +
  inline('perpanjang', 'Perpanjang kontrak dan terbitkan SK', 'pppk.renew-contract') +
  send('kirim_perpanjangan', 'Kirim SK perpanjangan', 'keputusan-perpanjangan', '=employeeEmail', model({ nama: '=employeeName', ni_pppk: '=niPppk', diperpanjang: '=true', pejabat: text('Pejabat Pembina Kepegawaian'), tanggal_keputusan: '=string(today())', tmt_baru: '=newContractTmt', akhir_kontrak_baru: '=newContractEnd' })) +
  inline('akhiri', 'Akhiri kontrak dengan hormat', 'pppk.end-contract') +
  send('kirim_pemberitahuan', 'Kirim pemberitahuan tertulis', 'keputusan-perpanjangan', '=employeeEmail', model({ nama: '=employeeName', ni_pppk: '=niPppk', diperpanjang: '=false', pejabat: text('Pejabat Pembina Kepegawaian'), tanggal_keputusan: '=string(today())', akhir_kontrak: '=contractEnd', alasan: '=if decisionNotes != null then decisionNotes else recommendation' })) +
  xor('gabung_keputusan', '') +
  reminderBranch(90) + reminderBranch(60) + reminderBranch(30) +
  and('gabung_semua') + end('selesai', 'Perpanjangan selesai'),
  'mulai -> cabang; cabang -> ringkas_kinerja -> kebutuhan -> cek_fiskal -> fiskal_cukup; fiskal_cukup -> gabung_fiskal [=fiscalOk = true]; fiskal_cukup -> tinjau_fiskal [default]; ' +
  'tinjau_fiskal -> catat_tinjau_fiskal -> gabung_fiskal; gabung_fiskal -> rekomendasi -> keputusan_ppk -> diperpanjang; ' +
  'diperpanjang -> perpanjang [=renew = true]; diperpanjang -> akhiri [default]; perpanjang -> kirim_perpanjangan -> gabung_keputusan; akhiri -> kirim_pemberitahuan -> gabung_keputusan; ' +
  'gabung_keputusan -> gabung_semua; ' +
  'cabang -> perlu_90; perlu_90 -> h_90 [=today() < date(contractEnd) - duration("P90D")]; perlu_90 -> lewati_90 [default]; h_90 -> ingatkan_90 -> lewati_90; ' +
  'lewati_90 -> perlu_60; perlu_60 -> h_60 [=today() < date(contractEnd) - duration("P60D")]; perlu_60 -> lewati_60 [default]; h_60 -> ingatkan_60 -> lewati_60; ' +
  'lewati_60 -> perlu_30; perlu_30 -> h_30 [=today() < date(contractEnd) - duration("P30D")]; perlu_30 -> lewati_30 [default]; h_30 -> ingatkan_30 -> lewati_30; ' +
  'lewati_30 -> gabung_semua; gabung_semua -> selesai; ' +
  'ingatkan_ppk -> kirim_pengingat_ppk -> ppk_diingatkan; eskalasi_ppk -> kirim_eskalasi_ppk -> ppk_dieskalasi')]);

for (const [file, xml] of D) await emit(out, file, xml);
console.log('wrote', D.length);
