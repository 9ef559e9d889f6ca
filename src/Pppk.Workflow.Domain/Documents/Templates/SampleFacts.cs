using System.Globalization;
using Pppk.Workflow.Domain.Handlers.Documents;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>Made-up facts for a template's preview PDF: every placeholder of the kind gets a plausible value.</summary>
public static class SampleFacts
{
    private static readonly Appointee Sample = new("Siti Rahmawati, S.Pd. (CONTOH)", "6403015705900002", "199005172025212001",
        "Guru Ahli Pertama", "SD Negeri 001 Tenggarong", "IX", 4_500_000m);

    public static DocumentFacts For(DocumentKind kind, string place, string signer, DateOnly today)
    {
        var sign = new DocumentSigner("Dr. Contoh Penandatangan, M.Si.", signer);
        var tmt = new DateOnly(today.Year, 7, 1);
        var facts = new DocumentFacts(kind, "800.1.2.2/0000/CONTOH/" + today.Year.ToString(CultureInfo.InvariantCulture), today,
            "800.1.2.2/0000/CONTOH/" + today.Year.ToString(CultureInfo.InvariantCulture), today, tmt, tmt, 12, place, sign,
            kind == DocumentKind.SkKolektif ? [Sample, Sample with { Name = "Ahmad Fauzi, S.Kep. (CONTOH)", Position = "Perawat Ahli Pertama" }] : [Sample]);
        return kind switch
        {
            DocumentKind.SkPerpanjangan => facts with { Extra = Extra(("nomor_sk_sebelumnya", "800.1.2.2/0001/CONTOH/" + (today.Year - 1).ToString(CultureInfo.InvariantCulture)), ("tanggal_akhir_kontrak_sebelumnya", IndonesianFormat.Date(tmt.AddDays(-1)))) },
            DocumentKind.PemberitahuanTidakDiperpanjang => facts with { Extra = Extra(("alasan", "capaian kinerja tahun terakhir Kurang"), ("hari_terakhir", IndonesianFormat.Date(tmt.AddDays(-1)))) },
            DocumentKind.SkParuhWaktu => facts with { Extra = Extra(("jam_kerja", "20"), ("dasar_upah", EmployeeDocumentFacts.PayBasis("upah-non-asn"))) },
            DocumentKind.PengumumanPeringkat => Announcement(facts, today),
            _ => facts,
        };
    }

    private static DocumentFacts Announcement(DocumentFacts facts, DateOnly today)
    {
        var rows = new List<RankedParticipant>
        {
            new(1, "Siti Rahmawati, S.Pd. (CONTOH)", "24640110000001", 390, 150, 33, true, "Peringkat 1 dari kuota 2"),
            new(2, "Ahmad Fauzi, S.Pd. (CONTOH)", "24640110000002", 372, 141, 30, true, "Peringkat 2 dari kuota 2"),
            new(3, "Nur Aisyah, S.Pd. (CONTOH)", "24640110000003", 350, 138, 28, false, "Di luar kuota 2"),
        };
        return facts with
        {
            Appointees = [],
            Participants = rows,
            Subject = "Formasi CONTOH",
            Extra = AnnouncementFacts.Fields("F-CONTOH", "Guru Ahli Pertama", "Dinas Pendidikan dan Kebudayaan", 2, "Seleksi PPPK Tahun " + today.Year.ToString(CultureInfo.InvariantCulture), today.Year, rows),
        };
    }

    private static Dictionary<string, string> Extra(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
