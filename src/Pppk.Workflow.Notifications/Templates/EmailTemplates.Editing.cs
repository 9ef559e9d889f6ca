using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Notifications.Templates;

/// <summary>The template editor's side of <see cref="EmailTemplates"/>: the checks of start-up on any source, what a template reads, a preview.</summary>
public sealed partial class EmailTemplates
{
    /// <summary>One problem of one part (<c>subject</c>, <c>html</c>, <c>text</c>), with its 1-based line when known.</summary>
    public sealed record PartProblem(string Part, int? Line, LocalizedText Text);

    /// <summary>The variables a template needs (<see cref="Required"/>) and those it reads but may go without (<see cref="Optional"/>).</summary>
    public sealed record Variables(IReadOnlyList<string> Required, IReadOnlyList<string> Optional);

    /// <summary>The registered template <paramref name="name"/>, or null.</summary>
    public Template? Find(string name) => _templates.GetValueOrDefault(name);

    /// <summary>
    /// The checks of start-up on <paramref name="source"/>: every part parses and calls only known filters. The parsed
    /// template when there is no problem (not registered).
    /// </summary>
    public (Template? Template, IReadOnlyList<PartProblem> Problems) Check(string name, Source source)
    {
        var problems = new List<PartProblem>();
        var parsed = new Dictionary<string, IFluidTemplate>();
        foreach (var (part, text) in new[] { ("subject", source.Subject), ("html", source.Html), ("text", source.Text) })
        {
            if (!_parser.TryParse(text, out var template, out var error))
            {
                var line = LineOf(error);
                problems.Add(new PartProblem(part, line, TemplateCheckTexts.Syntax.Format(TemplateCheckTexts.PartName(part), line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", error)));
                continue;
            }
            parsed[part] = template;
            foreach (var filter in TemplateReads.Of(template).Filters.Where(f => !_options.Filters.TryGetValue(f, out _)))
            {
                var line = LineOfFilter(text, filter);
                problems.Add(new PartProblem(part, line, TemplateCheckTexts.UnknownFilter.Format(TemplateCheckTexts.PartName(part),
                    line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", filter, string.Join(", ", OwnFilters))));
            }
        }
        if (problems.Count > 0) return (null, problems);
        var optional = OptionalPattern().Matches(source.Subject + source.Html + source.Text)
            .SelectMany(m => m.Groups["names"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        return (new Template(name, parsed["subject"], parsed["html"], parsed["text"], optional) { Source = source }, problems);
    }

    /// <summary>The variables <paramref name="template"/> reads from the task: required unless named optional; globals and <c>sekarang</c> left out.</summary>
    public Variables VariablesOf(Template template)
    {
        var read = TemplateReads.Of(template.Subject, template.Html, template.Text).Variables
            .Where(v => v != "sekarang" && !Globals.ContainsKey(v)).ToList();
        return new Variables(read.Where(v => !template.Optional.Contains(v)).ToList(), read.Where(template.Optional.Contains).ToList());
    }

    /// <summary>Renders an unregistered template (an edit being previewed) as an email of it would be.</summary>
    public Rendered Preview(Template template, JsonObject model) => Render(template, model);

    /// <summary>The filters written for PPPK letters, named in an unknown filter's message (Liquid's own are many).</summary>
    private static readonly string[] OwnFilters = ["tanggal", "tanggal_waktu", "waktu", "rupiah"];

    private static int? LineOf(string error) =>
        LinePattern().Match(error) is { Success: true } m ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static int? LineOfFilter(string text, string filter)
    {
        var at = Regex.Match(text, @"\|\s*" + Regex.Escape(filter) + @"\b");
        return at.Success ? text.AsSpan(0, at.Index).Count('\n') + 1 : null;
    }

    [GeneratedRegex(@"\((?<line>\d+):\d+\)")]
    private static partial Regex LinePattern();
}
