using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Documents;

/// <summary>
/// The facts of a formation's ranking announcement, read from the stored ranking (<c>pppk.ranking_results</c>, with the
/// scores it was ranked with, else the applicant's current CAT scores): every ranked applicant, best first, with the
/// formation, its round and quota. Numbered <c>{formation}/PENG/BKPSDM/{year}</c> and dated today (WITA).
/// </summary>
internal static class AnnouncementFacts
{
    public static async Task<DocumentFacts?> ReadAsync(PppkDbContext db, JobContext context, FactDefaults defaults, CancellationToken ct)
    {
        var code = context.OptionalString("formationCode");
        var formation = await db.Formations.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
        if (formation is null) return null;
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == formation.RoundId).Select(r => new { r.Name, r.Year }).SingleOrDefaultAsync(ct);
        var rows = await (from r in db.Rankings.AsNoTracking()
                          join a in db.Applicants.AsNoTracking() on r.ApplicantId equals a.Id
                          join s in db.Scores.AsNoTracking() on a.Id equals s.ApplicantId into scores
                          from s in scores.DefaultIfEmpty()
                          where r.FormationId == formation.Id
                          orderby r.Rank, a.RegistrationNumber
                          select new RankedParticipant(r.Rank, a.Name, a.RegistrationNumber,
                              r.Technical ?? (s == null ? null : s.Technical),
                              r.ManagerialSocioCultural ?? (s == null ? null : s.ManagerialSocioCultural),
                              r.Interview ?? (s == null ? null : s.Interview),
                              r.Passed, r.Reason)).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var year = round?.Year ?? defaults.Today.Year;
        var number = string.Create(CultureInfo.InvariantCulture, $"{formation.Code}/PENG/BKPSDM/{year}");
        var signer = new DocumentSigner(context.OptionalString("signerName") ?? defaults.Signer, context.OptionalString("signerTitle") ?? defaults.Signer, context.OptionalString("onBehalfLine"));
        return new DocumentFacts(DocumentKind.PengumumanPeringkat, number, defaults.Today, number, defaults.Today, defaults.Today, null, 0, defaults.Place, signer, [])
        {
            Participants = rows,
            Subject = $"Formasi {formation.Code}: {formation.Position}",
            Extra = Fields(formation.Code, formation.Position, formation.UnitName, formation.Quota, round?.Name ?? "", year, rows),
        };
    }

    public static Dictionary<string, string> Fields(string code, string position, string unit, int quota, string roundName, int year, IReadOnlyList<RankedParticipant> rows) => new(StringComparer.Ordinal)
    {
        ["kode_formasi"] = code,
        ["jabatan_formasi"] = position,
        ["unit_formasi"] = unit,
        ["kuota"] = quota.ToString(CultureInfo.InvariantCulture),
        ["seleksi"] = roundName.Length > 0 ? roundName.ToUpperInvariant() : "TAHUN " + year.ToString(CultureInfo.InvariantCulture),
        ["tahun_seleksi"] = year.ToString(CultureInfo.InvariantCulture),
        ["jumlah_peserta"] = rows.Count.ToString(CultureInfo.InvariantCulture),
        ["jumlah_lulus"] = rows.Count(r => r.Passed).ToString(CultureInfo.InvariantCulture),
    };
}
