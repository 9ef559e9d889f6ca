using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>What batch operations say (refused requests, and why an instance of an operation failed), by code, in English and Indonesian.</summary>
public static class OperationTexts
{
    // A request that cannot become an operation (400)
    public static readonly TextTemplate TypeUnknown = new("operation-type-unknown",
        "type must be one of: {0}.",
        "type harus salah satu dari: {0}.");
    public static readonly TextTemplate FilterRequired = new("operation-filter-required",
        "An operation of type '{0}' needs filter.definitionKey (and optionally version, status, businessKeys, instanceIds).",
        "Operasi bertipe '{0}' memerlukan filter.definitionKey (serta version, status, businessKeys, instanceIds bila perlu).");
    public static readonly TextTemplate FilterNotForStart = new("operation-start-no-filter",
        "A start operation takes definitionKey and items, not a filter.",
        "Operasi start memakai definitionKey dan items, bukan filter.");
    public static readonly TextTemplate StatusUnknown = new("operation-status-unknown",
        "filter.status must be one of: {0}.",
        "filter.status harus salah satu dari: {0}.");
    public static readonly TextTemplate TooManyInFilter = new("operation-filter-too-long",
        "filter.{0} has {1} entries; at most {2} are allowed.",
        "filter.{0} berisi {1} entri; paling banyak {2} yang diizinkan.");
    public static readonly TextTemplate SearchTooLong = new("operation-search-too-long",
        "filter.search is longer than {0} characters.",
        "filter.search lebih dari {0} karakter.");
    public static readonly TextTemplate StartedRange = new("operation-started-range",
        "filter.startedFrom is after filter.startedTo.",
        "filter.startedFrom lebih lambat daripada filter.startedTo.");
    public static readonly TextTemplate VariablesRequired = new("operation-variables-required",
        "A set-variables operation needs variables: an object with at least one variable.",
        "Operasi set-variables memerlukan variables: objek dengan sedikitnya satu variabel.");
    public static readonly TextTemplate ItemsRequired = new("operation-items-required",
        "A start operation needs definitionKey and items: from 1 to {0} items, each with an optional businessKey and variables.",
        "Operasi start memerlukan definitionKey dan items: 1 sampai {0} butir, masing-masing dengan businessKey dan variables bila perlu.");
    public static readonly TextTemplate MigrationTargetRequired = new("operation-target-required",
        "A migrate operation needs targetVersion, and mappings (at most {0}) only for elements whose id differs in the target, each with sourceElementId and targetElementId.",
        "Operasi migrate memerlukan targetVersion, dan mappings (paling banyak {0}) hanya untuk elemen yang id-nya berbeda di versi tujuan, masing-masing dengan sourceElementId dan targetElementId.");
    public static readonly TextTemplate NotFound = new("operation-not-found",
        "No operation {0}.",
        "Tidak ada operasi {0}.");
    public static readonly TextTemplate AlreadyEnded = new("operation-ended",
        "Operation {0} is {1}; only a running operation can be cancelled.",
        "Operasi {0} sudah {1}; hanya operasi yang sedang berjalan yang dapat dibatalkan.");
    public static readonly TextTemplate DefinitionMissing = new("operation-definition-missing",
        "Process '{0}' version {1} is no longer deployed; the operation stopped.",
        "Proses '{0}' versi {1} tidak lagi diterapkan; operasi dihentikan.");

    // Why one instance of an operation failed (its item's message)
    public static readonly TextTemplate InstanceGone = new("operation-instance-gone",
        "The instance no longer exists or its state was pruned.",
        "Instans tidak ada lagi atau statusnya sudah dipangkas.");
    public static readonly TextTemplate InstanceNotActive = new("operation-instance-not-active",
        "The instance is {0}, not active.",
        "Instans berstatus {0}, tidak aktif.");
    public static readonly TextTemplate NoIncident = new("operation-no-incident",
        "The instance has no open incident.",
        "Instans tidak memiliki insiden terbuka.");
    public static readonly TextTemplate PlanRefused = new("operation-plan-refused",
        "The migration plan cannot run for this instance: {0}",
        "Rencana migrasi tidak dapat dijalankan untuk instans ini: {0}");
    public static readonly TextTemplate TargetUnknown = new("operation-target-unknown",
        "Process '{0}' has no version {1} to migrate to.",
        "Proses '{0}' tidak memiliki versi {1} sebagai tujuan migrasi.");
    public static readonly TextTemplate Refused = new("operation-instance-refused",
        "The instance was refused: {0}",
        "Instans ditolak: {0}");
}
