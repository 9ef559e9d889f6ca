using System.Net;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>
/// The public page a document's QR code opens: plain HTML in Indonesian (no sign-in, no script), showing only what is
/// printed on the document and whether it stands; never the NIK, the PDF or a revocation's reason.
/// </summary>
internal static class VerificationPage
{
    public static string Html(DocumentSummary? document)
    {
        var body = document is null
            ? """
              <p class="status unknown">TIDAK DITEMUKAN</p>
              <p>Kode verifikasi ini tidak terdaftar. Dokumen dengan kode ini tidak diterbitkan oleh sistem kami; periksa kembali kode pada dokumen atau hubungi BKPSDM.</p>
              """
            : Details(document);
        return $$"""
            <!doctype html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Verifikasi Dokumen - BKPSDM</title>
            <style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}
            th{text-align:left;vertical-align:top;padding:.3rem 1rem .3rem 0;font-weight:600;white-space:nowrap}td{padding:.3rem 0}
            .status{font-size:1.4rem;font-weight:700;padding:.6rem 1rem;border-radius:.4rem}
            .valid{background:#e3f4e8;color:#14642f}.revoked{background:#fdecea;color:#8a1c12}.unknown{background:#f2f2f2;color:#555}</style></head>
            <body><h1>Verifikasi Dokumen</h1>{{body}}</body></html>
            """;
    }

    private static string Details(DocumentSummary d)
    {
        var status = d.RevokedAt is { } revoked
            ? $"<p class=\"status revoked\">DICABUT</p><p>Dokumen ini telah dicabut pada {IndonesianFormat.Date(DateOnly.FromDateTime(revoked.UtcDateTime))} dan tidak berlaku lagi.</p>"
            : "<p class=\"status valid\">SAH</p><p>Dokumen ini diterbitkan oleh sistem kami dan masih berlaku.</p>";
        return status + $"""
            <table>
            <tr><th>Jenis dokumen</th><td>{E(Kind(d.Kind))}</td></tr>
            <tr><th>Nomor</th><td>{E(d.Number)}</td></tr>
            <tr><th>Tanggal</th><td>{E(IndonesianFormat.Date(d.Date))}</td></tr>
            <tr><th>Nama</th><td>{E(d.SubjectName)}</td></tr>
            <tr><th>Penandatangan</th><td>{E(d.SignerName)}<br>{E(d.SignerTitle)}</td></tr>
            </table>
            """;
    }

    private static string Kind(string code) =>
        Enum.GetValues<DocumentKind>().FirstOrDefault(k => k.Code() == code) is var kind && kind.Code() == code ? kind.Title() : code;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
