using System.Globalization;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Runtime.Instances;
using Xunit;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>
/// The extension SK, the written notice of non-renewal, the part-time SK and a formation's ranking announcement:
/// generated from facts shaped like the seed data and read back from the .docx and the PDF.
/// </summary>
public sealed class DocumentKindsTests
{
    private static readonly DocumentGenerator Generator = new(new DocumentPdf(Microsoft.Extensions.Options.Options.Create(new DocumentsOptions { PublicBaseUrl = "https://bkpsdm.kukarkab.go.id" })));
    private const string Code = "AbCdEfGhIjKlMnOpQrStUv";

    private static DocumentFacts Extension() => DocumentSamples.For(DocumentKind.SkPerpanjangan) with
    {
        Number = "800.1.2.2/0107/PPJ/BKPSDM/2026", SkNumber = "800.1.2.2/0107/PPJ/BKPSDM/2026", Date = new DateOnly(2026, 5, 18), SkDate = new DateOnly(2026, 5, 18),
        Tmt = new DateOnly(2026, 7, 1), TermMonths = 24,
        Extra = new Dictionary<string, string> { ["nomor_sk_sebelumnya"] = "800.1.2.2/0042/PGK/BKPSDM/2025", ["tanggal_akhir_kontrak_sebelumnya"] = "30 Juni 2026" },
    };

    [Fact]
    public void The_extension_SK_carries_the_new_term_the_new_end_date_and_the_salary_in_words()
    {
        var facts = Extension();
        var document = Generator.Generate(facts, Code);
        PdfText.Save("sk-perpanjangan", document.Pdf);

        var docx = DocxText.All(document.Docx);
        var pdf = PdfText.All(document.Pdf);

        foreach (var text in new[] { docx, pdf })
        {
            Assert.Contains("PERPANJANGAN PERJANJIAN KERJA", text, StringComparison.Ordinal);
            Assert.Contains("NOMOR 800.1.2.2/0107/PPJ/BKPSDM/2026", text, StringComparison.Ordinal);
            Assert.Contains("Keputusan Nomor 800.1.2.2/0042/PGK/BKPSDM/2025, berakhir pada tanggal 30 Juni 2026", text, StringComparison.Ordinal);
            Assert.Contains("Siti Rahmawati, S.Pd.", text, StringComparison.Ordinal);
            Assert.Contains("199005172025212001", text, StringComparison.Ordinal);
            Assert.Contains("Rp 4.500.000 (empat juta lima ratus ribu rupiah)", text, StringComparison.Ordinal);
            Assert.Contains("2 (dua) tahun terhitung mulai tanggal 1 Juli 2026 sampai dengan 30 Juni 2028", text, StringComparison.Ordinal);
            Assert.Contains("pada tanggal 18 Mei 2026", text, StringComparison.Ordinal);
        }
        Assert.Contains("Keputusan Perpanjangan Perjanjian Kerja PPPK", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_written_notice_says_why_and_the_last_day_in_Indonesian()
    {
        var facts = DocumentSamples.For(DocumentKind.PemberitahuanTidakDiperpanjang, signer: DocumentSamples.Sekda) with
        {
            Number = "800.1.2.2/0042/PGK/BKPSDM/2025/PTD", Date = new DateOnly(2026, 4, 6),
            Extra = new Dictionary<string, string> { ["alasan"] = "capaian kinerja tahun terakhir Kurang", ["hari_terakhir"] = IndonesianFormat.Date(new DateOnly(2026, 6, 30)) },
        };
        var document = Generator.Generate(facts, Code);
        PdfText.Save("pemberitahuan-tidak-diperpanjang", document.Pdf);

        foreach (var text in new[] { DocxText.All(document.Docx), PdfText.All(document.Pdf) })
        {
            Assert.Contains("NOMOR 800.1.2.2/0042/PGK/BKPSDM/2025/PTD", text, StringComparison.Ordinal);
            Assert.Contains("Siti Rahmawati, S.Pd.", text, StringComparison.Ordinal);
            Assert.Contains("199005172025212001", text, StringComparison.Ordinal);
            Assert.Contains("Nomor 800.1.2.2/0042/PGK/BKPSDM/2025 tanggal 2 Juni 2025 tidak diperpanjang dengan alasan: capaian kinerja tahun terakhir Kurang.", text, StringComparison.Ordinal);
            Assert.Contains("berakhir dengan hormat pada tanggal 30 Juni 2026", text, StringComparison.Ordinal);
            Assert.Contains("Tenggarong, 6 April 2026", text, StringComparison.Ordinal);
            Assert.Contains("Sunggono, S.Sos., M.AP.", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_part_time_SK_carries_the_weekly_hours_and_the_pay_basis()
    {
        var facts = DocumentSamples.For(DocumentKind.SkParuhWaktu) with
        {
            Extra = new Dictionary<string, string> { ["jam_kerja"] = "20", ["dasar_upah"] = "paling sedikit sebesar upah yang diterima saat menjadi pegawai non-ASN" },
        };
        var document = Generator.Generate(facts, Code);
        PdfText.Save("sk-paruh-waktu", document.Pdf);

        foreach (var text in new[] { DocxText.All(document.Docx), PdfText.All(document.Pdf) })
        {
            Assert.Contains("PERJANJIAN KERJA PARUH WAKTU", text, StringComparison.Ordinal);
            Assert.Contains("Siti Rahmawati, S.Pd.", text, StringComparison.Ordinal);
            Assert.Contains("6403015705900002", text, StringComparison.Ordinal);
            Assert.Contains("20 jam per minggu", text, StringComparison.Ordinal);
            Assert.Contains("upah yang diterima saat menjadi pegawai non-ASN", text, StringComparison.Ordinal);
            Assert.Contains("1 (satu) tahun terhitung mulai tanggal 1 Juli 2025 sampai dengan 30 Juni 2026", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_announcement_of_a_formation_with_many_applicants_lists_each_with_scores_rank_and_result_over_pages()
    {
        var rows = Enumerable.Range(1, 240).Select(i => new RankedParticipant(i,
            string.Create(CultureInfo.InvariantCulture, $"Pelamar Contoh {i:000}"), string.Create(CultureInfo.InvariantCulture, $"2464011{i:0000000}"),
            450 - i, 150, 30, i <= 12, i <= 12 ? $"Peringkat {i} dari kuota 12" : "Di luar kuota 12")).ToList();
        var facts = new DocumentFacts(DocumentKind.PengumumanPeringkat, "F-GURU-01/PENG/BKPSDM/2024", new DateOnly(2025, 1, 15), "", new DateOnly(2025, 1, 15),
            new DateOnly(2025, 1, 15), null, 0, "Tenggarong", new DocumentSigner("Sunggono, S.Sos., M.AP.", "Ketua Panitia Seleksi Daerah"), [])
        {
            Participants = rows,
            Subject = "Formasi F-GURU-01: Guru Ahli Pertama",
            Extra = new Dictionary<string, string>
            {
                ["kode_formasi"] = "F-GURU-01", ["jabatan_formasi"] = "Guru Ahli Pertama", ["unit_formasi"] = "Dinas Pendidikan dan Kebudayaan", ["kuota"] = "12",
                ["seleksi"] = "SELEKSI PPPK TAHUN 2024 TAHAP 1", ["tahun_seleksi"] = "2024", ["jumlah_peserta"] = "240", ["jumlah_lulus"] = "12",
            },
        };
        var document = Generator.Generate(facts, Code);
        PdfText.Save("pengumuman-peringkat", document.Pdf, pages: 2);

        var docx = DocxText.All(document.Docx);
        var pages = PdfText.Pages(document.Pdf);
        var pdf = string.Join(" ", pages);

        Assert.Contains("formasi Guru Ahli Pertama (F-GURU-01) pada Dinas Pendidikan dan Kebudayaan dengan kebutuhan 12 orang", pdf, StringComparison.Ordinal);
        Assert.Contains("Jumlah peserta 240 orang; yang dinyatakan LULUS 12 orang.", pdf, StringComparison.Ordinal);
        Assert.Contains("Tenggarong, 15 Januari 2025", pdf, StringComparison.Ordinal);
        for (var i = 1; i <= 240; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Pelamar Contoh {i:000}");
            Assert.Contains(name, docx, StringComparison.Ordinal);
            Assert.Contains(name, pdf, StringComparison.Ordinal);
        }
        Assert.Contains("Pelamar Contoh 001 24640110000001 449 / 150 / 30 629 1 LULUS", pdf, StringComparison.Ordinal);
        Assert.Contains("Pelamar Contoh 013 24640110000013 437 / 150 / 30 617 13 TIDAK LULUS", pdf, StringComparison.Ordinal);
        Assert.True(pages.Count > 5, $"240 rows fit on {pages.Count} pages");
        Assert.All(pages.Skip(1).SkipLast(1), page => Assert.Contains("Nomor peserta", page, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_kind_is_checked_against_its_own_placeholders()
    {
        var announcementField = new DocxBuilder().Left("Formasi {{kode_formasi}} untuk {{nama}} NIK {{nik}}").Build();
        var refused = Assert.Throws<WorkflowException>(() => DocxTemplate.Load(announcementField, KindPlaceholders.For(DocumentKind.SkPerpanjangan)));
        Assert.Equal("document-template-unknown-placeholder", refused.Text!.Code);
        Assert.Contains("kode_formasi", refused.Message, StringComparison.Ordinal);

        var participantsInSk = new DocxBuilder().Table([3000, 3000], borders: true, header: false, ["{{#peserta}}{{no}}", "{{nama}}{{/peserta}}"]).Build();
        var section = Assert.Throws<WorkflowException>(() => DocxTemplate.Load(participantsInSk, KindPlaceholders.For(DocumentKind.Sk)));
        Assert.Equal("document-template-unknown-section", section.Text!.Code);
        Assert.Contains("peserta", section.Message, StringComparison.Ordinal);

        Assert.Contains("alasan", DocxTemplate.Load(new DocxBuilder().Left("{{alasan}} {{hari_terakhir}}").Build(), KindPlaceholders.For(DocumentKind.PemberitahuanTidakDiperpanjang)).Names);
    }

    [Fact]
    public void Every_kind_has_a_preview_with_sample_data()
    {
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var facts = SampleFacts.For(kind, "Tenggarong", "Bupati Kutai Kartanegara", new DateOnly(2026, 12, 7));
            var text = PdfText.All(Generator.Generate(facts, Code).Pdf);
            Assert.Contains("CONTOH", text, StringComparison.Ordinal);
            Assert.Contains("7 Desember 2026", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        }
    }
}
