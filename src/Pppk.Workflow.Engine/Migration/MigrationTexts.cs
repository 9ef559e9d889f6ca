using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Migration;

/// <summary>Why a migration plan is refused, by code, in English and Indonesian; {0} is the element the problem is about.</summary>
public static class MigrationTexts
{
    public static readonly TextTemplate Refused = new("migration-refused",
        "The migration plan cannot run: {0} problem(s); see problems.",
        "Rencana migrasi tidak dapat dijalankan: {0} masalah; lihat daftar masalah.");
    public static readonly TextTemplate OtherProcess = new("migration-other-process",
        "The target belongs to process '{1}', not to the instance's process '{0}'.",
        "Target milik proses '{1}', bukan proses instans '{0}'.");
    public static readonly TextTemplate DuplicateMapping = new("migration-duplicate-mapping",
        "'{0}' is mapped more than once.",
        "'{0}' dipetakan lebih dari sekali.");
    public static readonly TextTemplate SourceUnknown = new("migration-source-unknown",
        "The mapping names '{0}', which the instance's version does not have.",
        "Pemetaan menyebut '{0}', yang tidak ada pada versi instans.");
    public static readonly TextTemplate TargetMissing = new("migration-target-missing",
        "'{0}' is mapped to '{1}', which the target version does not have.",
        "'{0}' dipetakan ke '{1}', yang tidak ada pada versi target.");
    public static readonly TextTemplate Unmapped = new("migration-unmapped",
        "The active element '{0}' is not mapped and the target version has no element with that id.",
        "Elemen aktif '{0}' tidak dipetakan dan versi target tidak memiliki elemen dengan id tersebut.");
    public static readonly TextTemplate TypeDiffers = new("migration-type-differs",
        "The active element '{0}' ({1}) would become '{2}' ({3}): an element keeps its type.",
        "Elemen aktif '{0}' ({1}) akan menjadi '{2}' ({3}): elemen harus tetap bertipe sama.");
    public static readonly TextTemplate EventDiffers = new("migration-event-differs",
        "The active element '{0}' waits for a {1} event but '{2}' waits for {3}.",
        "Elemen aktif '{0}' menunggu event {1} tetapi '{2}' menunggu {3}.");
    public static readonly TextTemplate WaitNotKept = new("migration-wait-not-kept",
        "The job of the active element '{0}' cannot be kept: '{1}' has no job type.",
        "Job dari elemen aktif '{0}' tidak dapat dipertahankan: '{1}' tidak memiliki tipe job.");
    public static readonly TextTemplate MultiInstance = new("migration-multi-instance",
        "'{0}' and '{1}' differ in multi-instance: a multi-instance body (and its inner instances) maps only to a multi-instance activity, and a plain one only to a plain one.",
        "'{0}' dan '{1}' berbeda dalam multi-instance: body multi-instance (dan instans di dalamnya) hanya dapat dipetakan ke aktivitas multi-instance, dan aktivitas biasa hanya ke aktivitas biasa.");
    public static readonly TextTemplate ScopeDiffers = new("migration-scope-differs",
        "'{0}' would move to '{1}' inside '{2}', but its enclosing scope becomes '{3}': the element would land in a scope that does not exist.",
        "'{0}' akan dipindah ke '{1}' di dalam '{2}', padahal lingkupnya menjadi '{3}': elemen akan berada di lingkup yang tidak ada.");
    public static readonly TextTemplate EventSubProcessDiffers = new("migration-event-subprocess",
        "The active event subprocess '{0}' maps to '{1}', which is not an event subprocess with the same kind of start ({2}).",
        "Subproses event aktif '{0}' dipetakan ke '{1}', yang bukan subproses event dengan jenis awal yang sama ({2}).");
    public static readonly TextTemplate CatchEventDiffers = new("migration-catch-event-differs",
        "The catch event '{0}' maps to '{1}', which is not the same kind of event on the mapped element; its subscription cannot carry over.",
        "Event penangkap '{0}' dipetakan ke '{1}', yang bukan event sejenis pada elemen yang dipetakan; langganannya tidak dapat dibawa.");
    public static readonly TextTemplate GatewayEventMissing = new("migration-gateway-event-missing",
        "The event-based gateway '{0}' waits for '{1}', which does not follow '{2}' in the target version with the same kind of event.",
        "Gateway berbasis event '{0}' menunggu '{1}', yang tidak mengikuti '{2}' pada versi target dengan jenis event yang sama.");
    public static readonly TextTemplate JoinLost = new("migration-join-lost",
        "Tokens wait at the parallel join '{0}' (flow '{1}'), which the target version does not have with that incoming flow.",
        "Token menunggu di gabungan paralel '{0}' (alur '{1}'), yang tidak ada pada versi target dengan alur masuk tersebut.");
    public static readonly TextTemplate ListenerNotKept = new("migration-listener-not-kept",
        "A {1} listener of '{0}' is running, but '{2}' has no such listener.",
        "Listener {1} pada '{0}' sedang berjalan, tetapi '{2}' tidak memiliki listener tersebut.");
    public static readonly TextTemplate CompensationLost = new("migration-compensation-lost",
        "'{0}' completed and can still be compensated, but the target version has no element '{0}' and the plan maps it nowhere.",
        "'{0}' telah selesai dan masih dapat dikompensasi, tetapi versi target tidak memiliki elemen '{0}' dan rencana tidak memetakannya.");
}
