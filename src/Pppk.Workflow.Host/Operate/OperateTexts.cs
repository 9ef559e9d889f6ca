using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Operate;

/// <summary>Why a query of the instances or incidents screen was refused, and what they say of an incident, by code, in English and Indonesian.</summary>
internal static class OperateTexts
{
    // {0} the parameter, {1} the value sent
    public static readonly TextTemplate DateInvalid = new("operate-date-invalid",
        "{0} '{1}' is not a date (yyyy-mm-dd) or a moment (ISO 8601).",
        "{0} '{1}' bukan tanggal (yyyy-mm-dd) atau waktu (ISO 8601).");
    public static readonly TextTemplate StartedRange = new("operate-started-range",
        "startedFrom is after startedTo.",
        "startedFrom lebih lambat daripada startedTo.");
    public static readonly TextTemplate VersionWithoutWorkflow = new("operate-version-without-workflow",
        "version needs definitionKey: a version is one workflow's.",
        "version memerlukan definitionKey: versi selalu milik satu alur kerja.");
    // {0} the parameter, {1} the smallest, {2} the largest
    public static readonly TextTemplate NumberRange = new("operate-number-range",
        "{0} must be a whole number from {1} to {2}.",
        "{0} harus bilangan bulat dari {1} sampai {2}.");
    // {0} the parameter, {1} the value sent
    public static readonly TextTemplate BooleanInvalid = new("operate-boolean-invalid",
        "{0} '{1}' must be true or false.",
        "{0} '{1}' harus true atau false.");
    // {0} the incident's id
    public static readonly TextTemplate IncidentNotFound = new("incident-not-found",
        "There is no incident {0} that you may see.",
        "Tidak ada insiden {0} yang dapat Anda lihat.");
    // {0} the incident's id
    public static readonly TextTemplate IncidentResolved = new("incident-resolved",
        "Incident {0} is already resolved.",
        "Insiden {0} sudah terselesaikan.");
}
