namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>One deployed version of one executable process. A file with several processes gives one row per process, sharing the XML.</summary>
public sealed class DefinitionRecord
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public required string Xml { get; set; }
    public string? FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes: an unchanged file adds no version.</summary>
    public required string Checksum { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
    public string? DeployedBy { get; set; }

    /// <summary>Set when a newer version replaced this one or the key was undeployed; running instances stay on it.</summary>
    public bool IsLatest { get; set; }
}

/// <summary>One deployed version of a form-js form, linked from user tasks by its <c>id</c>.</summary>
public sealed class FormRecord
{
    public long Id { get; set; }
    public required string FormId { get; set; }
    public int Version { get; set; }
    public required string Schema { get; set; }
    public string? FileName { get; set; }
    public required string Checksum { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
}
