using Npgsql;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>One active case per business key and process, for the starts that ask for it (a batch with unique keys, a start by hand).</summary>
public static class UniqueBusinessKey
{
    public static readonly TextTemplate Active = new("business-key-active",
        "Process '{0}' already has an active case with business key '{1}'.",
        "Proses '{0}' sudah memiliki kasus aktif dengan kunci bisnis '{1}'.");

    /// <summary>Serializes unique-key starts of one process, so two concurrent starts can't both start the same key (held to commit).</summary>
    internal static async Task LockAsync(StepTransaction tx, string definitionKey, CancellationToken ct)
    {
        await using var lockCmd = tx.Command("SELECT pg_advisory_xact_lock(hashtextextended(@k, 11))");
        lockCmd.Parameters.AddWithValue("k", definitionKey);
        await lockCmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Refuses (409 <c>business-key-active</c>) a start whose key already has an active case of the process.</summary>
    internal static async Task EnsureFreeAsync(StepTransaction tx, string definitionKey, string businessKey, CancellationToken ct)
    {
        await LockAsync(tx, definitionKey, ct);
        // A start grouped into this transaction is not written yet: it counts as well.
        if (tx.Instances.Values.Any(i => i.IsNew && i.DefinitionKey == definitionKey && i.BusinessKey == businessKey)
            || (await InstanceTable.ActiveBusinessKeysAsync(tx, definitionKey, [businessKey], ct)).Count > 0)
            throw new WorkflowException(409, Active.Format(definitionKey, businessKey)) { Field = "businessKey" };
    }

    /// <summary>Which of <paramref name="businessKeys"/> have an active case of <paramref name="definitionKey"/> now (a preview of a start of many).</summary>
    public static async Task<HashSet<string>> ActiveAsync(NpgsqlDataSource db, string definitionKey, string[] businessKeys, CancellationToken ct) =>
        new(await InstanceTable.ActiveBusinessKeysAsync(db, definitionKey, businessKeys, ct), StringComparer.Ordinal);
}
