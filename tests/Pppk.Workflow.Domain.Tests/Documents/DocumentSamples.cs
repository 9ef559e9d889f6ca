using System.Globalization;
using Pppk.Workflow.Domain.Documents;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>Facts shaped like the seed data's: one appointee for the individual documents, many for the collective SK.</summary>
internal static class DocumentSamples
{
    public static readonly Appointee Siti = new("Siti Rahmawati, S.Pd.", "6403015705900002", "199005172025212001",
        "Guru Ahli Pertama", "SD Negeri 001 Tenggarong", "IX", 4_500_000m);

    public static readonly DocumentSigner Bupati = new("Dr. Edi Damansyah, M.Si.", "Bupati Kutai Kartanegara");

    public static readonly DocumentSigner Sekda = new("Sunggono, S.Sos., M.AP.", "Sekretaris Daerah", "a.n. Bupati Kutai Kartanegara");

    public static DocumentFacts For(DocumentKind kind, int appointees = 1, DocumentSigner? signer = null) => new(
        kind,
        kind is DocumentKind.Sk or DocumentKind.SkKolektif ? "800.1.2.2/0042/PGK/BKPSDM/2025" : "800.1.2.3/0042/PK/BKPSDM/2025",
        kind == DocumentKind.Spmt ? new DateOnly(2025, 7, 1) : new DateOnly(2025, 6, 2),
        "800.1.2.2/0042/PGK/BKPSDM/2025",
        new DateOnly(2025, 6, 2),
        new DateOnly(2025, 7, 1),
        new DateOnly(2025, 7, 1),
        12,
        "Tenggarong",
        signer ?? Bupati,
        appointees == 1 ? [Siti] : Many(appointees));

    public static IReadOnlyList<Appointee> Many(int count) => Enumerable.Range(1, count).Select(i => new Appointee(
        string.Create(CultureInfo.InvariantCulture, $"Pegawai Contoh {i:0000}"),
        string.Create(CultureInfo.InvariantCulture, $"640301{i:0000000000}"),
        string.Create(CultureInfo.InvariantCulture, $"1990{i:00000000000000}"),
        i % 3 == 0 ? "Perawat Terampil" : "Guru Ahli Pertama",
        string.Create(CultureInfo.InvariantCulture, $"Unit {i % 59 + 1:00}"),
        i % 2 == 0 ? "VII" : "IX",
        3_000_000m + i * 1_000m)).ToList();
}
