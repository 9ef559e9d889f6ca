using System.Globalization;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers;

/// <summary>Reads a handler's inputs with messages that name the missing or malformed variable (they become the incident text).</summary>
internal static class HandlerInput
{
    public sealed class MissingInputException(string message) : Exception(message);

    public static string String(this JobContext c, string name) =>
        c.Variables[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s
        : c.Variables[name] is JsonValue n ? n.ToJsonString().Trim('"')
        : throw new MissingInputException($"The task needs the variable '{name}' (text); map it in the task's inputs.");

    public static string? OptionalString(this JobContext c, string name) =>
        c.Variables[name] is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;

    public static int Int(this JobContext c, string name) =>
        c.Variables[name] is JsonValue v && (v.TryGetValue<int>(out var i) || (v.TryGetValue<string>(out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out i)))
            ? i : throw new MissingInputException($"The task needs the variable '{name}' (a whole number); map it in the task's inputs.");

    public static int? OptionalInt(this JobContext c, string name) => c.Variables[name] is null ? null : c.Int(name);

    public static bool? OptionalBool(this JobContext c, string name) => c.Variables[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var b) => b,
        _ => throw new MissingInputException($"The variable '{name}' must be true or false."),
    };

    public static DateOnly Date(this JobContext c, string name) =>
        DateOnly.TryParse(c.String(name)[..Math.Min(10, c.String(name).Length)], CultureInfo.InvariantCulture, out var d)
            ? d : throw new MissingInputException($"The variable '{name}' must be a date (YYYY-MM-DD), not '{c.String(name)}'.");

    public static DateOnly? OptionalDate(this JobContext c, string name) => c.Variables[name] is null ? null : c.Date(name);

    /// <summary>Runs a handler body; a missing input is a failure (retried, then an incident naming the variable).</summary>
    public static async Task<JobResult> Guard(Func<Task<JobResult>> body)
    {
        try
        {
            return await body();
        }
        catch (MissingInputException e)
        {
            return new JobResult.Failure(e.Message);
        }
    }

    public static string Iso(this DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
