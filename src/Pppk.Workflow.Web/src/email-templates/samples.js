// Sample values for a template's variables, guessed from their names, so a preview shows a real-looking letter.
import { MONEY_NAME } from '../format.js';

const EXACT = {
  nama: 'Siti Aminah, S.Pd.',
  nama_tugas: 'Verifikasi berkas pelamar',
  proses: 'Seleksi PPPK 2026',
  kunci_bisnis: 'PPPK-2026-00123',
  nomor_peserta: '26640120000123',
  formasi: 'Guru Ahli Pertama - Matematika',
  tahun: 2026,
  lulus: true,
  lulus_sebelumnya: false,
  nilai_total: 412.5,
  peringkat: 3,
  peringkat_sebelumnya: 5,
  ni_pppk: '199001012025212001',
  nik: '6403015001900001',
  nip: '199001012025212001',
  nomor_sk: '800.1.2.3/123/BKPSDM/2026',
  jabatan: 'Guru Ahli Pertama',
  unit_kerja: 'SDN 001 Tenggarong',
  tempat_penyerahan: 'Pendopo Odah Etam, Tenggarong',
  periode: 'Tahunan 2026',
  predikat: 'Baik',
  penilai: 'Drs. Ahmad Yani, M.Pd.',
  pejabat: 'Bupati Kutai Kartanegara',
  diperpanjang: true,
  terlambat: false,
  sisa_hari: 30,
  jam_kerja: 20,
  dasar_upah: 'upah-non-asn',
  kuota: 12,
  koreksi: false,
  jawaban: 'Ijazah yang diunggah tidak sesuai dengan kualifikasi formasi.',
  alasan: 'Berkas ijazah belum dilegalisasi.',
  alasan_koreksi: 'Sanggah pelamar diterima setelah verifikasi ulang.',
  pesan: 'Predikat Sangat Baik melebihi 20% pegawai di unit ini.',
  catatan: 'Pertahankan kinerja yang baik.',
  tugas: [
    { nama: 'Verifikasi berkas pelamar', proses: 'Seleksi PPPK 2026', kunci_bisnis: 'PPPK-2026-00123', batas: '2026-12-15T16:00:00+08:00', terlambat: false },
    { nama: 'Tanda tangan SK', proses: 'Penerbitan SK', kunci_bisnis: 'SK-2026-0045', batas: '2026-12-05T16:00:00+08:00', terlambat: true },
  ],
};

/** A value for one variable: its exact sample, or one guessed from the words in its name. */
export function sampleValue(name) {
  if (name in EXACT) return EXACT[name];
  const n = name.toLowerCase();
  if (MONEY_NAME.test(n)) return 4500000;
  if (/jadwal|waktu|batas|mulai|selesai/.test(n)) return '2026-12-15T08:00:00+08:00';
  if (/tanggal|tmt|akhir|awal|tgl/.test(n)) return '2026-12-15';
  if (/jumlah|total|sisa/.test(n)) return 12;
  if (/nama/.test(n)) return 'Budi Santoso';
  if (/email/.test(n)) return 'siti.aminah@contoh.id';
  if (/tautan|url|link/.test(n)) return 'https://pppk.kukarkab.go.id/tugas';
  if (/nomor|^no_/.test(n)) return '800/123/BKPSDM/2026';
  if (/unit|opd/.test(n)) return 'Dinas Pendidikan dan Kebudayaan';
  return 'Contoh isi';
}

/** The text shown in a variable's input; numbers, yes/no and lists as JSON so they keep their type. */
export function toInput(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value of an input: text for a text sample (NIP, NIK keep every digit), otherwise JSON when it reads as a number, true/false or a list. */
export function fromInput(text, kind) {
  if (kind === 'string') return text;
  const t = text.trim();
  if (/^(-?\d+(\.\d+)?|true|false|\[.*\]|\{.*\})$/s.test(t)) {
    try { return JSON.parse(t); } catch { /* plain text */ }
  }
  return text;
}
