using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Documents;
using Xunit;

namespace Pppk.Workflow.Domain.Tests.Documents;

public sealed class DocumentPdfTests
{
    private static readonly DocumentsOptions Options = new() { PublicBaseUrl = "https://bkpsdm.kukarkab.go.id" };
    private static readonly DocumentGenerator Generator = new(new DocumentPdf(Microsoft.Extensions.Options.Options.Create(Options)));
    private const string Code = "AbCdEfGhIjKlMnOpQrStUv";

    [Fact]
    public void The_SK_PDF_carries_the_letterhead_the_appointee_the_dates_the_salary_in_words_and_the_verification_address()
    {
        var document = Generator.Generate(DocumentSamples.For(DocumentKind.Sk, signer: DocumentSamples.Sekda), Code);
        PdfText.Save("sk-pengangkatan", document.Pdf);

        var text = PdfText.All(document.Pdf);

        Assert.Contains("PEMERINTAH KABUPATEN KUTAI KARTANEGARA", text, StringComparison.Ordinal);
        Assert.Contains("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", text, StringComparison.Ordinal);
        Assert.Contains("NOMOR 800.1.2.2/0042/PGK/BKPSDM/2025", text, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmawati, S.Pd.", text, StringComparison.Ordinal);
        Assert.Contains("6403015705900002", text, StringComparison.Ordinal);
        Assert.Contains("199005172025212001", text, StringComparison.Ordinal);
        Assert.Contains("Rp 4.500.000 (empat juta lima ratus ribu rupiah)", text, StringComparison.Ordinal);
        Assert.Contains("1 Juli 2025", text, StringComparison.Ordinal);
        Assert.Contains("pada tanggal 2 Juni 2025", text, StringComparison.Ordinal);
        Assert.Contains("a.n. Bupati Kutai Kartanegara Sekretaris Daerah, Sunggono, S.Sos., M.AP.", text, StringComparison.Ordinal);
        Assert.Contains("https://bkpsdm.kukarkab.go.id/verifikasi/" + Code, text, StringComparison.Ordinal);
        Assert.Contains("Kode verifikasi: " + Code, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_perjanjian_kerja_and_SPMT_PDFs_carry_their_parties_terms_and_dates()
    {
        var contract = Generator.Generate(DocumentSamples.For(DocumentKind.PerjanjianKerja), Code);
        var spmt = Generator.Generate(DocumentSamples.For(DocumentKind.Spmt), Code);
        PdfText.Save("perjanjian-kerja", contract.Pdf);
        PdfText.Save("spmt", spmt.Pdf);

        var contractText = PdfText.All(contract.Pdf);
        var spmtText = PdfText.All(spmt.Pdf);

        Assert.Contains("PERJANJIAN KERJA", contractText, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmawati, S.Pd., NIK 6403015705900002, NI PPPK 199005172025212001", contractText, StringComparison.Ordinal);
        Assert.Contains("1 (satu) tahun, terhitung mulai tanggal 1 Juli 2025 sampai dengan 30 Juni 2026", contractText, StringComparison.Ordinal);
        Assert.Contains("Rp 4.500.000 (empat juta lima ratus ribu rupiah) per bulan", contractText, StringComparison.Ordinal);
        Assert.Contains("Dr. Edi Damansyah, M.Si.", contractText, StringComparison.Ordinal);
        Assert.Contains("telah nyata melaksanakan tugas pada tanggal 1 Juli 2025", spmtText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collective_SK_of_500_appointees_lists_each_of_them_over_several_pages_with_the_header_repeated()
    {
        var document = Generator.Generate(DocumentSamples.For(DocumentKind.SkKolektif, appointees: 500), Code);
        PdfText.Save("sk-kolektif-500", document.Pdf, pages: 3);

        var pages = PdfText.Pages(document.Pdf);
        var text = string.Join(" ", pages);

        Assert.Contains("Mengangkat sebanyak 500 orang", pages[0], StringComparison.Ordinal);
        for (var i = 1; i <= 500; i++)
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Pegawai Contoh {i:0000}"), text, StringComparison.Ordinal);
        Assert.Contains("Rp 3.500.000", text, StringComparison.Ordinal);
        Assert.True(pages.Count > 10, $"500 rows fit on {pages.Count} pages");
        Assert.All(pages.Skip(2).SkipLast(1), page => Assert.Contains("NIK / NI PPPK", page, StringComparison.Ordinal));
        Assert.Contains("Halaman " + pages.Count + " dari " + pages.Count, pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_generated_at_once_each_carry_their_own_data()
    {
        var codes = Enumerable.Range(0, 8).Select(_ => VerificationCodes.New()).ToList();

        var pdfs = await Task.WhenAll(codes.Select(code => Task.Run(() => Generator.Generate(DocumentSamples.For(DocumentKind.Sk), code).Pdf)));

        for (var i = 0; i < codes.Count; i++)
            Assert.Contains("Kode verifikasi: " + codes[i], PdfText.All(pdfs[i]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_font_directory_without_the_fonts_is_refused_at_start_naming_the_setting()
    {
        var problem = new DocumentsOptions { FontDirectory = "/nowhere" }.Problem();

        Assert.NotNull(problem);
        Assert.Contains("Documents:FontDirectory", problem, StringComparison.Ordinal);
        Assert.Null(Options.Problem());
    }
}
