using Pppk.Workflow.Domain.Documents;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>
/// The source of the templates in <c>workflows/documents/</c>: HR edits the .docx files in Word afterwards; this only
/// gives them a correct start. The letterhead is not in the templates: the PDF draws the configured one.
/// </summary>
internal static class DefaultTemplates
{
    private static readonly int[] Details = [2600, 6400];

    public static byte[] For(DocumentKind kind) => kind switch
    {
        DocumentKind.Sk => Sk(),
        DocumentKind.SkKolektif => SkKolektif(),
        DocumentKind.PerjanjianKerja => PerjanjianKerja(),
        DocumentKind.Spmt => Spmt(),
        DocumentKind.SkPerpanjangan => SkPerpanjangan(),
        DocumentKind.PemberitahuanTidakDiperpanjang => PemberitahuanTidakDiperpanjang(),
        DocumentKind.SkParuhWaktu => SkParuhWaktu(),
        DocumentKind.PengumumanPeringkat => PengumumanPeringkat(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static DocxBuilder SkHeading(DocxBuilder b) => Decree(b,
        "PENGANGKATAN PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA",
        "bahwa berdasarkan hasil seleksi pengadaan Pegawai Pemerintah dengan Perjanjian Kerja, yang namanya tersebut dalam Keputusan ini telah memenuhi syarat untuk diangkat sebagai Pegawai Pemerintah dengan Perjanjian Kerja;");

    private static DocxBuilder Decree(DocxBuilder b, string about, string considering) => b
        .Center("KEPUTUSAN BUPATI KUTAI KARTANEGARA", bold: true)
        .Center("NOMOR {{nomor_sk}}")
        .Center("TENTANG")
        .Center(about, bold: true)
        .Blank()
        .Center("BUPATI KUTAI KARTANEGARA,", bold: true)
        .Justify("Menimbang : " + considering)
        .Justify("Mengingat : 1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara; 2. Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja;")
        .Center("MEMUTUSKAN:", bold: true);

    /// <summary>The closing of a letter (notice, announcement): place and date, then the signer.</summary>
    private static DocxBuilder LetterSignature(DocxBuilder b) => b
        .Blank()
        .Left("{{tempat_penetapan}}, {{tanggal}}")
        .Left("{{an_plh}}")
        .Left("{{jabatan_penandatangan}},", bold: true)
        .Blank()
        .Blank()
        .Left("{{penandatangan}}", bold: true);

    private static DocxBuilder Signature(DocxBuilder b) => b
        .Blank()
        .Left("Ditetapkan di {{tempat_penetapan}}")
        .Left("pada tanggal {{tanggal_sk}}")
        .Left("{{an_plh}}")
        .Left("{{jabatan_penandatangan}},", bold: true)
        .Blank()
        .Blank()
        .Left("{{penandatangan}}", bold: true);

    private static byte[] Sk() => Signature(SkHeading(new DocxBuilder())
        .Left("Menetapkan :")
        .Justify("KESATU : Mengangkat sebagai Pegawai Pemerintah dengan Perjanjian Kerja:")
        .Table(Details, borders: false, header: false,
            ["Nama", ": {{nama}}"], ["NIK", ": {{nik}}"], ["NI PPPK", ": {{ni_pppk}}"], ["Jabatan", ": {{jabatan}}"],
            ["Unit kerja", ": {{unit_kerja}}"], ["Golongan", ": {{golongan}}"], ["Gaji pokok", ": {{gaji}} ({{gaji_terbilang}})"])
        .Justify("KEDUA : Masa perjanjian kerja {{masa_kontrak}} terhitung mulai tanggal {{tmt}} sampai dengan {{tanggal_akhir_kontrak}}, dan dapat diperpanjang sesuai capaian kinerja, kesesuaian kompetensi dan kebutuhan instansi.")
        .Justify("KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya."))
        .Build();

    private static byte[] SkKolektif()
    {
        var decision = Signature(SkHeading(new DocxBuilder())
            .Left("Menetapkan :")
            .Justify("KESATU : Mengangkat sebanyak {{jumlah_pegawai}} orang yang namanya tercantum dalam Lampiran Keputusan ini sebagai Pegawai Pemerintah dengan Perjanjian Kerja, dengan jabatan, unit kerja, golongan dan gaji pokok sebagaimana tercantum dalam Lampiran.")
            .Justify("KEDUA : Masa perjanjian kerja {{masa_kontrak}} terhitung mulai tanggal {{tmt}} sampai dengan {{tanggal_akhir_kontrak}}.")
            .Justify("KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya."));
        var attachment = decision
            .PageBreak()
            .Left("LAMPIRAN KEPUTUSAN BUPATI KUTAI KARTANEGARA", bold: true)
            .Left("NOMOR {{nomor_sk}}")
            .Left("TANGGAL {{tanggal_sk}}")
            .Center("DAFTAR PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA YANG DIANGKAT", bold: true)
            .Table([420, 2100, 2260, 1400, 1000, 500, 1380], borders: true, header: true,
                ["No", "Nama", "NIK / NI PPPK", "Jabatan", "Unit kerja", "Gol.", "Gaji pokok"],
                ["{{#pegawai}}{{no}}", "{{nama}}", "{{nik}} / {{ni_pppk}}", "{{jabatan}}", "{{unit_kerja}}", "{{golongan}}", "{{gaji}}{{/pegawai}}"]);
        return Signature(attachment).Build();
    }

    private static byte[] PerjanjianKerja() => new DocxBuilder()
        .Center("PERJANJIAN KERJA", bold: true)
        .Center("PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA", bold: true)
        .Center("NOMOR {{nomor}}")
        .Blank()
        .Justify("Pada tanggal {{tanggal}}, berdasarkan Keputusan Bupati Kutai Kartanegara Nomor {{nomor_sk}} tanggal {{tanggal_sk}}, yang bertanda tangan di bawah ini:")
        .Justify("1. {{penandatangan}}, {{jabatan_penandatangan}}, selanjutnya disebut PIHAK KESATU;")
        .Justify("2. {{nama}}, NIK {{nik}}, NI PPPK {{ni_pppk}}, selanjutnya disebut PIHAK KEDUA.")
        .Center("Pasal 1 - Masa Perjanjian Kerja", bold: true)
        .Justify("Perjanjian kerja ini berlaku {{masa_kontrak}}, terhitung mulai tanggal {{tmt}} sampai dengan {{tanggal_akhir_kontrak}}.")
        .Center("Pasal 2 - Tugas", bold: true)
        .Justify("PIHAK KEDUA bekerja sebagai {{jabatan}} pada {{unit_kerja}} dan melaksanakan tugas serta target kinerja yang ditetapkan oleh atasan langsung.")
        .Center("Pasal 3 - Hak", bold: true)
        .Justify("PIHAK KEDUA dengan golongan {{golongan}} menerima gaji pokok sebesar {{gaji}} ({{gaji_terbilang}}) per bulan serta tunjangan sesuai ketentuan peraturan perundang-undangan.")
        .Center("Pasal 4 - Kewajiban, Larangan dan Sanksi", bold: true)
        .Justify("PIHAK KEDUA wajib menaati peraturan perundang-undangan dan dilarang menyalahgunakan wewenang; pelanggaran dikenai sanksi sampai dengan pemutusan perjanjian kerja.")
        .Blank()
        .Table([4500, 4500], borders: false, header: false,
            ["PIHAK KEDUA,", "PIHAK KESATU,"],
            ["", "{{an_plh}} {{jabatan_penandatangan}},"],
            ["", ""],
            ["{{nama}}", "{{penandatangan}}"])
        .Build();

    private static byte[] Spmt() => new DocxBuilder()
        .Center("SURAT PERNYATAAN MELAKSANAKAN TUGAS", bold: true)
        .Center("NOMOR {{nomor}}")
        .Blank()
        .Justify("Yang bertanda tangan di bawah ini {{penandatangan}}, {{jabatan_penandatangan}}, dengan ini menyatakan dengan sesungguhnya bahwa:")
        .Table(Details, borders: false, header: false,
            ["Nama", ": {{nama}}"], ["NIK", ": {{nik}}"], ["NI PPPK", ": {{ni_pppk}}"], ["Jabatan", ": {{jabatan}}"], ["Unit kerja", ": {{unit_kerja}}"])
        .Justify("yang diangkat dengan Keputusan Bupati Kutai Kartanegara Nomor {{nomor_sk}} tanggal {{tanggal_sk}}, terhitung mulai tanggal {{tmt}}, telah nyata melaksanakan tugas pada tanggal {{tanggal_spmt}}.")
        .Justify("Demikian surat pernyataan ini dibuat untuk dipergunakan sebagaimana mestinya.")
        .Blank()
        .Left("{{tempat_penetapan}}, {{tanggal}}")
        .Left("{{an_plh}}")
        .Left("{{jabatan_penandatangan}},", bold: true)
        .Blank()
        .Blank()
        .Left("{{penandatangan}}", bold: true)
        .Build();

    private static byte[] SkPerpanjangan() => Signature(Decree(new DocxBuilder(),
            "PERPANJANGAN PERJANJIAN KERJA PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA",
            "bahwa perjanjian kerja Pegawai Pemerintah dengan Perjanjian Kerja yang namanya tersebut dalam Keputusan ini, yang diangkat dengan Keputusan Nomor {{nomor_sk_sebelumnya}}, berakhir pada tanggal {{tanggal_akhir_kontrak_sebelumnya}}, dan berdasarkan capaian kinerja, kesesuaian kompetensi dan kebutuhan instansi perlu diperpanjang;")
        .Left("Menetapkan :")
        .Justify("KESATU : Memperpanjang perjanjian kerja Pegawai Pemerintah dengan Perjanjian Kerja:")
        .Table(Details, borders: false, header: false,
            ["Nama", ": {{nama}}"], ["NIK", ": {{nik}}"], ["NI PPPK", ": {{ni_pppk}}"], ["Jabatan", ": {{jabatan}}"],
            ["Unit kerja", ": {{unit_kerja}}"], ["Golongan", ": {{golongan}}"], ["Gaji pokok", ": {{gaji}} ({{gaji_terbilang}})"])
        .Justify("KEDUA : Perpanjangan perjanjian kerja berlaku {{masa_kontrak}} terhitung mulai tanggal {{tmt}} sampai dengan {{tanggal_akhir_kontrak}}.")
        .Justify("KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya."))
        .Build();

    private static byte[] PemberitahuanTidakDiperpanjang() => LetterSignature(new DocxBuilder()
            .Center("SURAT PEMBERITAHUAN", bold: true)
            .Center("NOMOR {{nomor}}")
            .Center("TENTANG")
            .Center("PERJANJIAN KERJA YANG TIDAK DIPERPANJANG", bold: true)
            .Blank()
            .Left("Kepada Yth.")
            .Table(Details, borders: false, header: false,
                ["Nama", ": {{nama}}"], ["NI PPPK", ": {{ni_pppk}}"], ["Jabatan", ": {{jabatan}}"], ["Unit kerja", ": {{unit_kerja}}"])
            .Justify("Dengan hormat, bersama ini kami beritahukan bahwa perjanjian kerja Saudara berdasarkan Keputusan Bupati Kutai Kartanegara Nomor {{nomor_sk}} tanggal {{tanggal_sk}} tidak diperpanjang dengan alasan: {{alasan}}.")
            .Justify("Perjanjian kerja Saudara berakhir dengan hormat pada tanggal {{hari_terakhir}}, yang merupakan hari terakhir Saudara melaksanakan tugas. Hak-hak Saudara diberikan sesuai dengan ketentuan peraturan perundang-undangan.")
            .Justify("Atas pengabdian Saudara selama ini kami sampaikan terima kasih."))
        .Build();

    private static byte[] SkParuhWaktu() => Signature(Decree(new DocxBuilder(),
            "PENGANGKATAN PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA PARUH WAKTU",
            "bahwa berdasarkan Keputusan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 16 Tahun 2025, pegawai non-ASN yang namanya tersebut dalam Keputusan ini memenuhi syarat untuk diangkat sebagai Pegawai Pemerintah dengan Perjanjian Kerja Paruh Waktu;")
        .Left("Menetapkan :")
        .Justify("KESATU : Mengangkat sebagai Pegawai Pemerintah dengan Perjanjian Kerja Paruh Waktu:")
        .Table(Details, borders: false, header: false,
            ["Nama", ": {{nama}}"], ["NIK", ": {{nik}}"], ["NI PPPK", ": {{ni_pppk}}"], ["Jabatan", ": {{jabatan}}"],
            ["Unit kerja", ": {{unit_kerja}}"], ["Jam kerja", ": {{jam_kerja}} jam per minggu"], ["Upah", ": {{dasar_upah}}"])
        .Justify("KEDUA : Masa perjanjian kerja {{masa_kontrak}} terhitung mulai tanggal {{tmt}} sampai dengan {{tanggal_akhir_kontrak}}, dan dapat diperpanjang sesuai kebutuhan instansi dan kemampuan keuangan daerah.")
        .Justify("KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya."))
        .Build();

    private static byte[] PengumumanPeringkat() => LetterSignature(new DocxBuilder()
            .Center("PENGUMUMAN", bold: true)
            .Center("NOMOR {{nomor}}")
            .Center("TENTANG")
            .Center("HASIL AKHIR SELEKSI PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA", bold: true)
            .Center("{{seleksi}}")
            .Blank()
            .Justify("Berdasarkan hasil seleksi kompetensi dan pengolahan nilai akhir, bersama ini diumumkan peringkat dan hasil akhir seleksi untuk formasi {{jabatan_formasi}} ({{kode_formasi}}) pada {{unit_formasi}} dengan kebutuhan {{kuota}} orang, sebagai berikut:")
            .Table([500, 2300, 2000, 1600, 700, 1200, 1400], borders: true, header: true,
                ["No", "Nama", "Nomor peserta", "Nilai teknis / manajerial / wawancara", "Total", "Peringkat", "Hasil"],
                ["{{#peserta}}{{no}}", "{{nama}}", "{{nomor_peserta}}", "{{nilai_teknis}} / {{nilai_manajerial}} / {{nilai_wawancara}}", "{{nilai_total}}", "{{peringkat}}", "{{hasil}}{{/peserta}}"])
            .Justify("Jumlah peserta {{jumlah_peserta}} orang; yang dinyatakan LULUS {{jumlah_lulus}} orang.")
            .Justify("Peserta yang dinyatakan LULUS wajib mengisi Daftar Riwayat Hidup dan melengkapi dokumen sesuai jadwal yang ditetapkan. Keputusan panitia seleksi bersifat final dan tidak dapat diganggu gugat."))
        .Build();
}
