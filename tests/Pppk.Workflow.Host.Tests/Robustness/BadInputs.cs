using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Pppk.Workflow.Host.Tests.Robustness;

/// <summary>
/// The table of bad inputs: for a route, every request the suite sends it. To cover a new kind of bad input, add a row
/// to one of the arrays below; a new route is covered by being mapped (<see cref="RouteCatalog"/>).
/// </summary>
public static class BadInputs
{
    /// <summary>Text in a URL, already percent-encoded as it goes on the wire.</summary>
    public static readonly (string Name, string Encoded)[] BadUrlText =
    [
        ("NUL", "%00"), ("NUL inside", "a%00b"), ("byte FF, not UTF-8", "%FF"), ("Latin-1 ü", "M%FCller"), ("lone surrogate as CESU-8", "%ED%A0%80"),
        ("4,000 characters", new string('a', 4_000)), ("control characters", "%01%02%1B"), ("quotes and SQL", "%27%3B%20DROP%20TABLE%20x%3B--"),
    ];

    public static readonly (string Name, string Value)[] BadNumbers =
    [
        ("not a number", "abc"), ("past int", "99999999999"), ("past long", "99999999999999999999"), ("negative", "-1"), ("zero", "0"),
        ("int max", "2147483647"), ("decimal", "1.5"),
    ];

    public static readonly string[] BadPaging =
    [
        "page=5000000&pageSize=500", "page=2147483647&pageSize=500", "page=1000000&pageSize=500", "page=0", "page=-1", "pageSize=0",
        "pageSize=100000", "pageSize=-5", "page=abc", "page=1e3", "page=%00", "page=1&page=2",
    ];

    /// <summary>Whole bodies, whatever the route expects.</summary>
    public static readonly (string Name, Func<HttpContent?> Content)[] BadBodies =
    [
        ("no body", () => null),
        ("empty JSON body", () => Body.Json("")),
        ("malformed JSON", () => Body.Json("{")),
        ("truncated string", () => Body.Json("{\"a\": \"b")),
        ("JSON null", () => Body.Json("null")),
        ("JSON array", () => Body.Json("[]")),
        ("JSON string", () => Body.Json("\"text\"")),
        ("JSON number", () => Body.Json("42")),
        ("empty object", () => Body.Json("{}")),
        ("unknown field", () => Body.Json("{\"nope\": 1}")),
        ("trailing garbage", () => Body.Json("{} x")),
        ("comments", () => Body.Json("{/* c */}")),
        ("raw byte FF in a string", () => Body.Raw([.. "{\"a\":\""u8, 0xFF, .. "\"}"u8], "application/json")),
        ("UTF-16 JSON", () => Body.Raw(Encoding.Unicode.GetBytes("{\"a\":1}"), "application/json")),
        ("property name with NUL", () => Body.Json("{\"a\\u0000\": 1}")),
        ("property name lone surrogate", () => Body.Json("{\"\\ud800\": 1}")),
        ("property name of 100,000 characters", () => Body.Json($"{{\"{new string('k', 100_000)}\": 1}}")),
        ("200 levels of arrays", () => Body.Json(new string('[', 200) + new string(']', 200))),
        ("200 levels of objects", () => Body.Json(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200))),
        ("2 MB of JSON", () => Body.Json($"[\"{new string('a', 2 * 1024 * 1024)}\"]")),
        ("60 MB of text", () => Body.Raw(new byte[60 * 1024 * 1024], "text/csv")),
        ("text/plain JSON", () => Body.Text("{\"definitionKey\": \"robust\"}", "text/plain")),
        ("application/xml", () => Body.Text("<a/>", "application/xml")),
        ("XML with a DTD", () => Body.Text("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "application/xml")),
        ("application/octet-stream", () => Body.Raw([0, 1, 2, 3], "application/octet-stream")),
        ("garbled multipart", () => Body.Text("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nno end", "multipart/form-data; boundary=b")),
        ("multipart without boundary", () => Body.Text("x", "multipart/form-data")),
        ("multipart with a NUL file name", () => Body.Text("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\0.csv\"\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b")),
        ("multipart of 10,000 fields", () => Body.Text(string.Concat(Enumerable.Range(0, 10_000).Select(i => $"--b\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nx\r\n")) + "--b--\r\n", "multipart/form-data; boundary=b")),
        ("form with NUL", () => Body.Text("userName=%00&password=x", "application/x-www-form-urlencoded")),
        ("form with byte FF", () => Body.Text("userName=%FF&password=x", "application/x-www-form-urlencoded")),
        ("form with 100,000 characters", () => Body.Text($"userName={new string('u', 100_000)}&password=x", "application/x-www-form-urlencoded")),
        ("CSV in Latin-1", () => Body.Raw([.. "kode_formasi,jabatan\nA,M"u8, 0xFC, .. "ller\n"u8], "text/csv")),
        ("CSV with NUL", () => Body.Text("kode_formasi,jabatan\nA\0,B\n", "text/csv")),
        ("CSV with a 2,000-character field", () => Body.Text($"kode_formasi,jabatan\nA,{new string('x', 2_000)}\n", "text/csv")),
    ];

    /// <summary>Replacements for one value of a valid body, as raw JSON, by the kind of value they replace.</summary>
    public static readonly (string Name, string Json)[] BadStrings =
    [
        ("NUL", "\"\\u0000\""), ("NUL inside", "\"a\\u0000b\""), ("lone high surrogate", "\"\\ud800\""), ("lone low surrogate", "\"x\\udc00\""),
        ("1,000 characters", $"\"{new string('s', 1_000)}\""), ("100,000 characters", $"\"{new string('s', 100_000)}\""),
        ("1 MB", $"\"{new string('s', 1024 * 1024)}\""), ("empty", "\"\""), ("blank", "\"   \""), ("control characters", "\"\\u0001\\u001b\""),
        ("an object", "{}"), ("an array", "[]"), ("a number", "12"), ("true", "true"), ("null", "null"),
    ];

    public static readonly (string Name, string Json)[] BadNumbersInJson =
    [
        ("a string", "\"x\""), ("past int", "2147483648"), ("past long", "99999999999999999999"), ("1e400", "1e400"), ("negative", "-1"),
        ("a fraction", "1.5"), ("an object", "{}"), ("null", "null"),
    ];

    public static readonly (string Name, string Json)[] BadObjects =
    [
        ("a string", "\"x\""), ("an array", "[]"), ("null", "null"), ("a name with NUL", "{\"a\\u0000\": 1}"), ("a value with NUL", "{\"a\": \"\\u0000\"}"),
        ("a lone surrogate value", "{\"a\": \"\\ud800\"}"), ("a lone surrogate name", "{\"\\udfff\": 1}"),
        ("600 variables", "{" + string.Join(",", Enumerable.Range(0, 600).Select(i => $"\"v{i}\": {i}")) + "}"),
        ("300 KB of variables", $"{{\"big\": \"{new string('b', 300 * 1024)}\"}}"),
        ("100 levels deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)),
        ("a number past long", "{\"n\": 99999999999999999999999999}"),
    ];

    public static readonly (string Name, string Json)[] BadArrays =
    [
        ("a string", "\"x\""), ("an object", "{}"), ("null", "null"), ("[null]", "[null]"), ("[1]", "[1]"), ("[\"\\u0000\"]", "[\"\\u0000\"]"),
        ("10,001 items", "[" + string.Join(",", Enumerable.Repeat("{}", 10_001)) + "]"),
    ];

    /// <summary>Every request the suite sends one route.</summary>
    public static IEnumerable<Probe> For(Route route, RobustnessHost host)
    {
        string Good(RoutePatternParameterPart p) => GoodValue(route, p, host);
        var path = route.Path(Good);
        var sample = route.Body is null ? null : Sample(route.Body);
        Func<HttpContent?> sampleBody = sample is null ? () => null : () => Body.Json(sample.ToJsonString());

        yield return new Probe("as expected", route.Method, path, sampleBody);

        foreach (var parameter in route.Parameters)
        {
            yield return new Probe($"{parameter.Name} unknown", route.Method, route.Path(p => p == parameter ? UnknownValue(p) : Good(p)), sampleBody);
            foreach (var (name, encoded) in BadUrlText)
                yield return new Probe($"{parameter.Name} {name}", route.Method, route.Path(p => p == parameter ? encoded : Good(p)), sampleBody);
        }

        foreach (var query in route.Query)
        {
            foreach (var (name, encoded) in BadUrlText)
                yield return new Probe($"?{query.Name} {name}", route.Method, $"{path}?{query.Name}={encoded}", sampleBody);
            if (query.IsNumber)
                foreach (var (name, value) in BadNumbers)
                    yield return new Probe($"?{query.Name} {name}", route.Method, $"{path}?{query.Name}={value}", sampleBody);
        }
        if (route.Query.Any(q => q.Name == "page"))
            foreach (var paging in BadPaging)
                yield return new Probe($"paging {paging}", route.Method, $"{path}?{paging}", sampleBody);

        if (!route.HasBody) yield break;
        foreach (var (name, content) in BadBodies)
            yield return new Probe(name, route.Method, path, content);
        if (sample is null) yield break;
        foreach (var (leaf, kind) in Leaves(sample, ""))
        {
            var replacements = kind switch
            {
                JsonValueKind.String => BadStrings,
                JsonValueKind.Number => BadNumbersInJson,
                JsonValueKind.Object => BadObjects,
                JsonValueKind.Array => BadArrays,
                _ => BadStrings,
            };
            foreach (var (name, json) in replacements)
                yield return new Probe($"{leaf} = {name}", route.Method, path, () => Body.Json(Replace(sample, leaf, json)));
        }
    }

    /// <summary>A route parameter's value that points at a real row where the host has one, so bad input meets the code that acts on it.</summary>
    public static string GoodValue(Route route, RoutePatternParameterPart parameter, RobustnessHost host) => (parameter.Name, Constraint(parameter)) switch
    {
        ("id", "guid") when route.Template.Contains("/tasks/") => host.TaskId,
        ("id", "guid") => host.InstanceId,
        ("id", "int" or "long") => "1",
        ("id", _) when route.Template.EndsWith("/password", StringComparison.Ordinal) || route.Template.EndsWith("/lockout", StringComparison.Ordinal)
            || route.Template.EndsWith("/password-reset", StringComparison.Ordinal) || route.Template.EndsWith("/active", StringComparison.Ordinal) => host.AccessTargetUserId,
        ("id", _) when route.Template.Contains("/users/") => host.EmployeeUserId,
        ("key", _) => RobustnessHost.ProcessKey,
        ("kind", _) => "formations",
        ("code", _) => RobustnessHost.FormationCode,
        _ => "x",
    };

    public static string UnknownValue(RoutePatternParameterPart parameter) => Constraint(parameter) switch
    {
        "guid" => Guid.NewGuid().ToString(),
        "int" or "long" => "987654321",
        _ => "tidak-ada",
    };

    private static string? Constraint(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Select(p => p.Content).FirstOrDefault(c => c is "guid" or "int" or "long");

    /// <summary>A body of the route's record type with a plausible value in every field.</summary>
    public static JsonNode? Sample(Type type, string name = "")
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return name switch
        {
            "definitionKey" => RobustnessHost.ProcessKey,
            "expression" => "1 + 1",
            "userName" => "pengguna.baru",
            "password" => "Kata-Sandi-Panjang-1",
            _ => "x",
        };
        if (t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double)) return name == "version" ? 1 : 60;
        if (t == typeof(bool)) return false;
        if (t == typeof(Guid)) return Guid.Empty.ToString();
        if (typeof(JsonNode).IsAssignableFrom(t)) return new JsonObject { ["catatan"] = "baik", ["nilai"] = 3 };
        if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t))
        {
            var item = t.IsArray ? t.GetElementType()! : t.GetGenericArguments()[0];
            return name == "roles" ? new JsonArray("employee") : new JsonArray(Sample(item));
        }
        var constructor = t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var body = new JsonObject();
        foreach (var p in constructor?.GetParameters() ?? [])
        {
            var field = JsonNamingPolicy.CamelCase.ConvertName(p.Name!);
            body[field] = Sample(p.ParameterType, field);
        }
        return body;
    }

    /// <summary>Every value of a sample body with its path (objects and arrays too: they can be replaced whole).</summary>
    private static IEnumerable<(string Path, JsonValueKind Kind)> Leaves(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                if (path.Length > 0) yield return (path, JsonValueKind.Object);
                foreach (var (key, value) in o)
                    if (value is not null)
                        foreach (var leaf in Leaves(value, path.Length == 0 ? key : $"{path}.{key}")) yield return leaf;
                break;
            case JsonArray a:
                yield return (path, JsonValueKind.Array);
                if (a.Count > 0 && a[0] is { } first)
                    foreach (var leaf in Leaves(first, $"{path}[0]")) yield return leaf;
                break;
            default:
                yield return (path, node.GetValueKind());
                break;
        }
    }

    /// <summary>The sample with the value at <paramref name="path"/> replaced by raw JSON (which may be invalid text on purpose).</summary>
    private static string Replace(JsonNode sample, string path, string json)
    {
        const string Marker = "\"__robustness_marker__\"";
        var copy = sample.DeepClone();
        JsonNode parent = copy;
        var steps = path.Replace("[0]", ".[0]").Split('.');
        for (var i = 0; i < steps.Length - 1; i++)
            parent = steps[i] == "[0]" ? parent[0]! : parent[steps[i]]!;
        var last = steps[^1];
        if (last == "[0]") parent[0] = "__robustness_marker__";
        else parent[last] = "__robustness_marker__";
        return copy.ToJsonString().Replace(Marker, json, StringComparison.Ordinal);
    }
}
