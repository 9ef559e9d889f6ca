using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Instances;
using Xunit;

namespace Pppk.Workflow.Domain.Tests.Documents;

public sealed class DocxTemplateTests
{
    [Fact]
    public void A_placeholder_split_over_runs_is_still_found_and_filled()
    {
        var template = DocxTemplate.Load(new DocxBuilder().Runs("Nama: {", "{na", "ma", "}} NIK ", "{{nik}", "}.").Build());

        var filled = template.Fill(DocumentSamples.For(DocumentKind.Sk).Values());

        Assert.Equal(["nama", "nik"], template.Names);
        Assert.Contains("Nama: Siti Rahmawati, S.Pd. NIK 6403015705900002.", DocxText.Paragraphs(filled));
    }

    [Fact]
    public void A_template_naming_an_unknown_placeholder_is_refused_naming_it()
    {
        var refused = Assert.Throws<WorkflowException>(() =>
            DocxTemplate.Load(new DocxBuilder().Left("Yth. {{nama}}, {{nama_ibu}}").Runs("{{alamat", "_rumah}}").Build()));

        Assert.Equal(400, refused.Status);
        Assert.Equal("document-template-unknown-placeholder", refused.Text!.Code);
        Assert.Contains("nama_ibu, alamat_rumah", refused.Text.In(Language.English), StringComparison.Ordinal);
        Assert.StartsWith("Templat memuat isian yang tidak dikenal: nama_ibu, alamat_rumah.", refused.Text.In(Language.Indonesian), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_placeholder_inside_a_repeating_row_is_refused()
    {
        var refused = Assert.Throws<WorkflowException>(() => DocxTemplate.Load(new DocxBuilder()
            .Table([1000, 1000], borders: true, header: false, ["{{#pegawai}}{{no}}", "{{agama}}{{/pegawai}}"]).Build()));

        Assert.Equal("document-template-unknown-placeholder", refused.Text!.Code);
        Assert.Contains("agama", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeating_list_must_open_and_close_in_one_table_row()
    {
        var outside = Assert.Throws<WorkflowException>(() => DocxTemplate.Load(new DocxBuilder().Left("{{#pegawai}}{{nama}}{{/pegawai}}").Build()));
        var unclosed = Assert.Throws<WorkflowException>(() => DocxTemplate.Load(new DocxBuilder()
            .Table([1000, 1000], borders: true, header: false, ["{{#pegawai}}{{no}}", "{{nama}}"]).Build()));
        var unknownList = Assert.Throws<WorkflowException>(() => DocxTemplate.Load(new DocxBuilder()
            .Table([1000], borders: true, header: false, ["{{#peserta}}{{nama}}{{/peserta}}"]).Build()));

        Assert.Equal("document-template-section-not-in-row", outside.Text!.Code);
        Assert.Equal("document-template-section-not-in-row", unclosed.Text!.Code);
        Assert.Equal("document-template-unknown-section", unknownList.Text!.Code);
    }

    [Fact]
    public void A_row_field_outside_a_repeating_row_is_refused()
    {
        var refused = Assert.Throws<WorkflowException>(() => DocxTemplate.Load(new DocxBuilder().Left("Nomor urut {{no}}").Build()));

        Assert.Equal("document-template-row-field-outside-list", refused.Text!.Code);
    }

    [Fact]
    public void A_file_that_is_not_a_Word_document_is_refused()
    {
        var refused = Assert.Throws<WorkflowException>(() => DocxTemplate.Load("bukan docx"u8.ToArray()));

        Assert.Equal("document-template-not-docx", refused.Text!.Code);
    }

    [Fact]
    public void The_individual_SK_prints_the_appointee_the_dates_and_the_salary_in_words()
    {
        var text = DocxText.All(DefaultDocumentTemplates.For(DocumentKind.Sk).Fill(DocumentSamples.For(DocumentKind.Sk).Values()));

        Assert.Contains("NOMOR 800.1.2.2/0042/PGK/BKPSDM/2025", text, StringComparison.Ordinal);
        Assert.Contains(": Siti Rahmawati, S.Pd.", text, StringComparison.Ordinal);
        Assert.Contains(": 6403015705900002", text, StringComparison.Ordinal);
        Assert.Contains(": 199005172025212001", text, StringComparison.Ordinal);
        Assert.Contains(": Rp 4.500.000 (empat juta lima ratus ribu rupiah)", text, StringComparison.Ordinal);
        Assert.Contains("1 (satu) tahun terhitung mulai tanggal 1 Juli 2025 sampai dengan 30 Juni 2026", text, StringComparison.Ordinal);
        Assert.Contains("pada tanggal 2 Juni 2025", text, StringComparison.Ordinal);
        Assert.Contains("Dr. Edi Damansyah, M.Si.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signer_acting_for_the_PPK_prints_the_a_n_line()
    {
        var text = DocxText.All(DefaultDocumentTemplates.For(DocumentKind.Sk).Fill(DocumentSamples.For(DocumentKind.Sk, signer: DocumentSamples.Sekda).Values()));

        Assert.Contains("a.n. Bupati Kutai Kartanegara\nSekretaris Daerah,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_perjanjian_kerja_and_the_SPMT_print_their_own_dates()
    {
        var contract = DocxText.All(DefaultDocumentTemplates.For(DocumentKind.PerjanjianKerja).Fill(DocumentSamples.For(DocumentKind.PerjanjianKerja).Values()));
        var spmt = DocxText.All(DefaultDocumentTemplates.For(DocumentKind.Spmt).Fill(DocumentSamples.For(DocumentKind.Spmt).Values()));

        Assert.Contains("NOMOR 800.1.2.3/0042/PK/BKPSDM/2025", contract, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmawati, S.Pd., NIK 6403015705900002, NI PPPK 199005172025212001", contract, StringComparison.Ordinal);
        Assert.Contains("gaji pokok sebesar Rp 4.500.000 (empat juta lima ratus ribu rupiah) per bulan", contract, StringComparison.Ordinal);
        Assert.Contains("telah nyata melaksanakan tugas pada tanggal 1 Juli 2025", spmt, StringComparison.Ordinal);
        Assert.Contains("Tenggarong, 1 Juli 2025", spmt, StringComparison.Ordinal);
    }

    [Fact]
    public void The_collective_SK_lists_every_one_of_500_appointees_in_its_attachment()
    {
        var template = DefaultDocumentTemplates.For(DocumentKind.SkKolektif);
        var rowsBefore = DocxText.TableRows(DefaultDocumentTemplates.Bytes(DocumentKind.SkKolektif));

        var filled = template.Fill(DocumentSamples.For(DocumentKind.SkKolektif, appointees: 500).Values());
        var paragraphs = DocxText.Paragraphs(filled);

        Assert.Equal(rowsBefore - 1 + 500, DocxText.TableRows(filled));
        Assert.Contains("Mengangkat sebanyak 500 orang", string.Join("\n", paragraphs), StringComparison.Ordinal);
        Assert.Contains("Pegawai Contoh 0001", paragraphs);
        Assert.Contains("6403010000000500 / 199000000000000500", paragraphs);
        Assert.Contains("Rp 3.500.000", paragraphs);
        Assert.Equal(500, paragraphs.Count(p => p.StartsWith("Pegawai Contoh ", StringComparison.Ordinal)));
    }
}
