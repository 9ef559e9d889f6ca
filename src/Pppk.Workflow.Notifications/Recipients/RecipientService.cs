using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Notifications.Recipients;

/// <summary>
/// Reads a <c>to</c> or <c>cc</c> header: literal references separated by commas, or (with a leading <c>=</c>) a FEEL
/// expression giving a string or a list of strings. Each reference is an address or goes to the resolvers.
/// </summary>
public sealed class RecipientService(IEnumerable<IRecipientResolver> resolvers, FeelEnvironment feel)
{
    public sealed record Result(IReadOnlyList<Recipient> Recipients, IReadOnlyList<string> Problems);

    /// <summary>Throws <see cref="RecipientHeaderException"/> when the header itself is wrong (bad FEEL, not text); problems with people are returned.</summary>
    public async Task<Result> ResolveAsync(string header, string? value, JsonObject variables, RecipientLookup lookup, CancellationToken ct)
    {
        var references = References(header, value, variables);
        var found = new List<Recipient>();
        var problems = new List<string>();
        foreach (var reference in references)
        {
            if (reference.Contains('@') && !reference.Contains(':'))
            {
                if (AddressCheck.IsValid(reference)) found.Add(new Recipient(reference.Trim(), null));
                else problems.Add($"'{reference}' is not a valid email address");
                continue;
            }
            RecipientResult? result = null;
            foreach (var resolver in resolvers)
                if ((result = await resolver.ResolveAsync(reference, lookup, ct)) is not null) break;
            if (result is null) problems.Add($"no resolver knows the recipient '{reference}'");
            else
            {
                found.AddRange(result.Found);
                problems.AddRange(result.Problems.Select(p => $"{reference}: {p}"));
            }
        }
        var distinct = found.DistinctBy(r => r.Address.ToLowerInvariant()).ToList();
        return new Result(distinct, problems);
    }

    private List<string> References(string header, string? value, JsonObject variables)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        value = value.Trim();
        if (!value.StartsWith('=')) return Split(value);
        FeelValue result;
        try
        {
            result = FeelExpression.Parse(value[1..], feel.Limits).Evaluate(new JsonFeelScope(variables), feel);
        }
        catch (FeelSyntaxException e)
        {
            throw new RecipientHeaderException($"Header '{header}' is not valid FEEL: {e.Message}");
        }
        catch (FeelLimitException e)
        {
            throw new RecipientHeaderException($"Header '{header}' was stopped: {e.Message}");
        }
        return result.ToJson() switch
        {
            null => throw new RecipientHeaderException($"Header '{header}' ({value}) gave null; the variable is missing or empty"),
            JsonValue v when v.TryGetValue<string>(out var s) => Split(s),
            JsonArray a => [.. a.SelectMany(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? Split(s)
                : throw new RecipientHeaderException($"Header '{header}' ({value}) gave a list with {item?.ToJsonString() ?? "null"}; every item must be an address, a user name or role:NAME"))],
            var other => throw new RecipientHeaderException($"Header '{header}' ({value}) gave {other.ToJsonString()}; expected an address, a user name, role:NAME or a list of them"),
        };
    }

    private static List<string> Split(string s) => [.. s.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

public sealed class RecipientHeaderException(string message) : Exception(message);
