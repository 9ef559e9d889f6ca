using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>Several texts as one, each in the reader's language, separated by "; " (every problem of a refused plan in one item's reason).</summary>
internal sealed class JoinedTexts(IReadOnlyList<ILocalizable> texts) : ILocalizable
{
    public string In(Language language) => string.Join("; ", texts.Select(t => t.In(language)));
}
