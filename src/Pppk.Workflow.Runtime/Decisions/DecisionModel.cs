using Microsoft.EntityFrameworkCore;

namespace Pppk.Workflow.Runtime.Decisions;

/// <summary>One deployed <c>.dmn</c> file (a DMN model): its XML and the files of the same deployment it imports by namespace.</summary>
public sealed class DecisionFileRecord
{
    public long Id { get; set; }
    public required string Namespace { get; set; }

    /// <summary>The model's (the decision requirements graph's) <c>id</c>.</summary>
    public string? ModelId { get; set; }
    public string? Name { get; set; }
    public required string Xml { get; set; }
    public string? FileName { get; set; }
    public required string Checksum { get; set; }

    /// <summary>The ids of the files this model imports (deployed with it), so it is read with the same imports every time.</summary>
    public long[] Imports { get; set; } = [];
    public DateTimeOffset DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
}

/// <summary>One version of one decision (or decision service), keyed by its id and versioned like processes.</summary>
public sealed class DecisionRecord
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public long FileId { get; set; }

    /// <summary>The DMN model's id: the decision requirements graph it belongs to.</summary>
    public string? DecisionRequirementsKey { get; set; }

    /// <summary>The decision's <c>zeebe:versionTag</c>: business rule tasks bound by version tag find this version by it.</summary>
    public string? VersionTag { get; set; }
    public bool IsLatest { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
}

/// <summary>One evaluation of a decision by a business rule task: the "why" of the instance's history (bounded JSON).</summary>
public sealed class DecisionEvaluationRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long ElementInstanceKey { get; set; }
    public required string ElementId { get; set; }
    public string? ElementName { get; set; }
    public required string DecisionKey { get; set; }
    public int DecisionVersion { get; set; }
    public string? DecisionName { get; set; }

    /// <summary>The inputs seen, matched rules and outputs of every decision evaluated (<see cref="DecisionTrace"/>).</summary>
    public required string Trace { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }
}

/// <summary>The tables of deployed decisions and their evaluations.</summary>
internal static class DecisionModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DecisionFileRecord>(e => e.ToTable("decision_files"));
        b.Entity<DecisionRecord>(e =>
        {
            e.ToTable("decisions");
            e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
            e.HasIndex(d => d.Key).HasFilter("is_latest").IsUnique();
            e.HasIndex(d => new { d.Key, d.VersionTag }).HasFilter("version_tag IS NOT NULL");
            e.HasOne<DecisionFileRecord>().WithMany().HasForeignKey(d => d.FileId);
        });
        b.Entity<DecisionEvaluationRecord>(e =>
        {
            e.ToTable("decision_evaluations");
            e.Property(r => r.Trace).HasColumnType("jsonb");
            e.HasIndex(r => new { r.InstanceId, r.Id });
        });
    }
}
