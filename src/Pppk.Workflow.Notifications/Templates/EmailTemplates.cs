using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Pppk.Workflow.Notifications.Templates;

/// <summary>
/// The Liquid email templates of <c>workflows/templates</c>: for a template <c>name</c> the files
/// <c>name.subject.liquid</c>, <c>name.html.liquid</c> and <c>name.txt.liquid</c>. Every variable a template uses must be
/// in the model unless a <c>{% comment %} opsional: a, b {% endcomment %}</c> line names it optional.
/// </summary>
public sealed partial class EmailTemplates
{
    public const string Extension = ".liquid";
    private static readonly string[] Parts = ["subject", "html", "txt"];

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();
    private readonly ConcurrentDictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public sealed record Template(string Name, IFluidTemplate Subject, IFluidTemplate Html, IFluidTemplate Text, IReadOnlySet<string> Optional)
    {
        /// <summary>The three parts as written, for the template editor.</summary>
        public Source Source { get; init; } = new("", "", "");

        /// <summary>1 for the shipped files; an edited version from the database above that.</summary>
        public int Version { get; init; } = 1;
    }

    /// <summary>The Liquid source of a template's subject, HTML and plain-text parts.</summary>
    public sealed record Source(string Subject, string Html, string Text);

    public sealed record Problem(string Template, string Message);

    public sealed record Rendered(string Subject, string Html, string Text);

    public EmailTemplates(TimeZoneInfo zone, TimeProvider clock, IReadOnlyDictionary<string, object?>? globals = null)
    {
        Zone = zone;
        _clock = clock;
        Globals = globals ?? new Dictionary<string, object?>();
        _options.StrictFilters = true;
        _options.TimeZone = zone;
        _options.CultureInfo = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        TemplateFilters.Register(_options.Filters, zone);
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Values every template sees (e.g. <c>tautan_inbox</c>); the task's variables win on a clash.</summary>
    public IReadOnlyDictionary<string, object?> Globals { get; }

    public IReadOnlyCollection<string> Names => _templates.Keys.Order(StringComparer.Ordinal).ToList();

    public bool Exists(string name) => _templates.ContainsKey(name);

    /// <summary>Loads every template of <paramref name="directory"/>; returns what is wrong (missing part, bad syntax). Good templates load even when others are bad.</summary>
    public IReadOnlyList<Problem> LoadDirectory(string directory)
    {
        var problems = new List<Problem>();
        if (!Directory.Exists(directory)) return problems;
        var names = Directory.GetFiles(directory, "*" + Extension)
            .Select(Path.GetFileName)
            .Select(f => PartPattern().Match(f!))
            .Where(m => m.Success)
            .Select(m => m.Groups["name"].Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var sources = Parts.ToDictionary(p => p, p => Path.Combine(directory, $"{name}.{p}{Extension}"));
            var missing = sources.Where(s => !File.Exists(s.Value)).Select(s => Path.GetFileName(s.Value)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(new Problem(name, $"Template '{name}' lacks {string.Join(" and ", missing)}; each template needs a subject, an HTML and a plain-text part."));
                continue;
            }
            problems.AddRange(Add(name, File.ReadAllText(sources["subject"]), File.ReadAllText(sources["html"]), File.ReadAllText(sources["txt"])));
        }
        return problems;
    }

    /// <summary>Parses and registers one template from its three parts; returns its syntax problems (and registers nothing then).</summary>
    public IReadOnlyList<Problem> Add(string name, string subject, string html, string text) => Register(name, new Source(subject, html, text), 1);

    /// <summary>Parses <paramref name="source"/> and swaps it in as <paramref name="version"/> of <paramref name="name"/> in one step; a render already running finishes with the old one.</summary>
    internal IReadOnlyList<Problem> Register(string name, Source source, int version)
    {
        var (template, problems) = Check(name, source);
        if (template is null)
            return problems.Select(p => new Problem(name, $"Template '{name}.{(p.Part == "text" ? "txt" : p.Part)}{Extension}': {p.Text}")).ToList();
        _templates[name] = template with { Version = version };
        return [];
    }

    /// <summary>Renders the three parts with <paramref name="model"/>; throws <see cref="TemplateRenderException"/> naming what is wrong.</summary>
    public Rendered Render(string name, JsonObject model)
    {
        if (!_templates.TryGetValue(name, out var template))
            throw new TemplateRenderException($"No email template '{name}' (known: {string.Join(", ", Names)}); add {name}.subject/html/txt{Extension} to workflows/templates or fix the task's template header");
        return Render(template, model);
    }

    /// <summary>Renders one parsed template (a registered one, or an edit being previewed).</summary>
    internal Rendered Render(Template template, JsonObject model)
    {
        var name = template.Name;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        string Run(IFluidTemplate part, TextEncoder encoder)
        {
            var context = new TemplateContext(_options) { Undefined = n => { if (!template.Optional.Contains(n)) missing.Add(n); return ValueTask.FromResult<FluidValue>(NilValue.Instance); } };
            context.AmbientValues[TemplateFilters.MissingKey] = missing;
            context.SetValue("sekarang", new DateTimeValue(_clock.GetUtcNow()));
            foreach (var (key, value) in Globals) context.SetValue(key, FluidValue.Create(value, _options));
            foreach (var (key, value) in model) context.SetValue(key, FluidValue.Create(ModelValue.From(value), _options));
            try
            {
                return part.Render(context, encoder);
            }
            catch (Exception e) when (e is TemplateRenderException or FluidException or InvalidOperationException or FormatException or ParseException)
            {
                // A filter that got nothing because the variable is missing: the missing variable is the real error.
                if (missing.Count > 0) throw Missing(name, missing);
                throw new TemplateRenderException($"Template '{name}': {e.Message}");
            }
        }
        // Every part is rendered before a missing variable is reported, so the error names all of them.
        string? Part(IFluidTemplate part, TextEncoder encoder)
        {
            try { return Run(part, encoder); }
            catch (TemplateRenderException) when (missing.Count > 0) { return null; }
        }
        var subject = Part(template.Subject, NullEncoder.Default)?.Trim() ?? "";
        var html = Part(template.Html, HtmlEncoder.Default) ?? "";
        var text = Part(template.Text, NullEncoder.Default) ?? "";
        if (missing.Count > 0) throw Missing(name, missing);
        if (subject.Length == 0) throw new TemplateRenderException($"Template '{name}' rendered an empty subject");
        return new Rendered(subject, html, text);
    }

    private static TemplateRenderException Missing(string name, IReadOnlyCollection<string> missing) =>
        new($"Template '{name}' uses variable(s) {string.Join(", ", missing)} that the task does not have; set them (input mapping) or mark them optional in the template") { Missing = [.. missing] };

    [GeneratedRegex(@"^(?<name>[a-z0-9][a-z0-9_-]*)\.(subject|html|txt)\.liquid$")]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"\{%-?\s*comment\s*-?%\}\s*opsional\s*:(?<names>[^{]*)\{%-?\s*endcomment\s*-?%\}")]
    private static partial Regex OptionalPattern();
}

/// <summary>Turns task variables (JSON) into the plain objects Fluid reads.</summary>
internal static class ModelValue
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => From(p.Value)),
        JsonArray a => a.Select(From).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<double>(out var f) => f,
        _ => node.ToJsonString(),
    };
}
