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
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static DocxBuilder SkHeading(DocxBuilder b) => b
        .Center("KEPUTUSAN BUPATI KUTAI KARTANEGARA", bold: true)
        .Center("NOMOR {{nomor_sk}}")
        .Center("TENTANG")
        .Center("PENGANGKATAN PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA", bold: true)
        .Blank()
        .Center("BUPATI KUTAI KARTANEGARA,", bold: true)
        .Justify("Menimbang : bahwa berdasarkan hasil seleksi pengadaan Pegawai Pemerintah dengan Perjanjian Kerja, yang namanya tersebut dalam Keputusan ini telah memenuhi syarat untuk diangkat sebagai Pegawai Pemerintah dengan Perjanjian Kerja;")
        .Justify("Mengingat : 1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara; 2. Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja;")
        .Center("MEMUTUSKAN:", bold: true);

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
}
