using System.Collections.Concurrent;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Expressions;

/// <summary>FEEL expressions of one process model, parsed once (within <paramref name="limits"/>) and shared by every instance and thread.</summary>
internal sealed class ExpressionCache(FeelLimits? limits = null)
{
    private readonly ConcurrentDictionary<string, FeelExpression> _compiled = new(StringComparer.Ordinal);
    private readonly FeelLimits _limits = limits ?? FeelLimits.Default;

    /// <summary>True when the attribute value is a FEEL expression ("=..."), false for a literal string.</summary>
    public static bool IsExpression(string? raw) => raw is not null && raw.TrimStart().StartsWith('=');

    public static string Body(string raw) => raw.TrimStart()[1..];

    public FeelExpression Get(string raw) => _compiled.GetOrAdd(raw, static (r, l) => FeelExpression.Parse(Body(r), l), _limits);

    /// <summary>Parses without caching a failure; returns the problem as a sentence with its position, or null when it parses.</summary>
    public LocalizedText? TryCompile(string raw)
    {
        if (!IsExpression(raw))
            return null;
        try
        {
            Get(raw);
            return null;
        }
        catch (FeelSyntaxException e)
        {
            return FeelTexts.SyntaxError.Format(Body(raw).Trim(), e.ReasonText, e.Line, e.Column);
        }
        catch (NotImplementedException)
        {
            return null; // the FEEL library is not linked in yet; nothing to check
        }
        catch (Exception e)
        {
            return FeelTexts.NotParsed.Format(Body(raw).Trim(), e.Message);
        }
    }
}
