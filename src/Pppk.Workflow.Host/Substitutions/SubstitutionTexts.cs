using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Substitutions;

/// <summary>Why a substitution (Plt/Plh) was refused, by code, in English and Indonesian.</summary>
internal static class SubstitutionTexts
{
    public static readonly TextTemplate ForOther = new("substitution-for-other",
        "Only hr-admin may name a substitute for someone else; you may name one for your own absence (userName = {0}).",
        "Hanya hr-admin yang dapat menunjuk pengganti untuk orang lain; Anda dapat menunjuk pengganti untuk ketidakhadiran Anda sendiri (userName = {0}).");
    // {0} the field
    public static readonly TextTemplate Required = new("substitution-field-required",
        "{0} is required.",
        "{0} wajib diisi.");
    // {0} the field, {1} the name sent
    public static readonly TextTemplate UnknownUser = new("substitution-user-unknown",
        "{0}: there is no user '{1}'.",
        "{0}: tidak ada pengguna '{1}'.");
    public static readonly TextTemplate Self = new("substitution-self",
        "{0} cannot be their own substitute; name someone else.",
        "{0} tidak dapat menjadi pengganti dirinya sendiri; tunjuk orang lain.");
    public static readonly TextTemplate Period = new("substitution-period-invalid",
        "from ({0}) must be before to ({1}).",
        "from ({0}) harus sebelum to ({1}).");
    // {0} the length sent, {1} the limit
    public static readonly TextTemplate ReasonTooLong = new("substitution-reason-too-long",
        "reason has {0} characters; at most {1} are allowed.",
        "reason berisi {0} karakter; paling banyak {1} karakter.");
    public static readonly TextTemplate NotFound = new("substitution-not-found",
        "There is no substitution {0} that you may see.",
        "Tidak ada penunjukan pengganti {0} yang dapat Anda lihat.");
    // {0} the user, {1} their substitute, {2} from, {3} to (WITA)
    public static readonly TextTemplate Overlap = new("substitution-overlap",
        "{0} already has a substitute ({1}) from {2} to {3}; the periods overlap. End that substitution first or choose other dates.",
        "{0} sudah memiliki pengganti ({1}) pada {2} s.d. {3}; periodenya bertumpang tindih. Akhiri penunjukan itu dahulu atau pilih tanggal lain.");
    public static readonly TextTemplate Ended = new("substitution-ended",
        "The substitution {0} has already ended.",
        "Penunjukan pengganti {0} sudah berakhir.");
}
