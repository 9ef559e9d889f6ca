using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.InstanceMigration;

/// <summary>Why a migration call is refused before its plan is checked, in English and Indonesian.</summary>
internal static class MigrationRuntimeTexts
{
    public static readonly TextTemplate NoInstance = new("migration-no-instance",
        "No instance {0} (or its state was pruned).",
        "Instans {0} tidak ada (atau statusnya sudah dihapus).");
    public static readonly TextTemplate NotActive = new("migration-not-active",
        "Instance {0} is {1}; only an active instance can be migrated.",
        "Instans {0} berstatus {1}; hanya instans aktif yang dapat dimigrasi.");
    public static readonly TextTemplate SameVersion = new("migration-same-version",
        "The instance already runs on version {1} of '{0}'; choose another version.",
        "Instans sudah berjalan pada versi {1} dari '{0}'; pilih versi lain.");
    public static readonly TextTemplate UnknownVersion = new("migration-unknown-version",
        "Process '{0}' has no version {1}.",
        "Proses '{0}' tidak memiliki versi {1}.");
}
