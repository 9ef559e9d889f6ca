using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Instances;

/// <summary>The modification endpoint's own problem texts (the engine's are in <see cref="Engine.Modification.ModificationTexts"/>).</summary>
public static class ModificationBodyTexts
{
    public static readonly TextTemplate Refused = new("modification-refused",
        "The modification was refused ({0} problem(s)); nothing was changed.",
        "Modifikasi ditolak ({0} masalah); tidak ada yang diubah.");
    public static readonly TextTemplate TooManyItems = new("modification-too-many-items",
        "{0} lists {1} items; one modification may list at most {2}.",
        "{0} berisi {1} butir; satu modifikasi paling banyak {2} butir.");
    public static readonly TextTemplate ElementIdMissing = new("modification-element-id-missing",
        "{0} is required.",
        "{0} wajib diisi.");
    public static readonly TextTemplate ElementIdTooLong = new("modification-element-id-too-long",
        "{0} has {1} characters; at most {2} are allowed.",
        "{0} berisi {1} karakter; paling banyak {2} karakter.");
}
