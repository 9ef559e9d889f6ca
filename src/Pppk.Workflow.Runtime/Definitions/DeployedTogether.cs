using System.Text.Json;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// What one deployment held: the version of every process, form and decision in it, new or unchanged. Kept on each process version
/// the deployment created (the <c>deployment</c> column, <see cref="DefinitionTable"/>), so a link bound by <c>deployment</c> finds its partner.
/// </summary>
public sealed record DeployedTogether(Dictionary<string, int> Processes, Dictionary<string, int> Forms, Dictionary<string, int>? Decisions = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DeployedTogether? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<DeployedTogether>(json, Json);
}
