using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Robustness;

/// <summary>
/// Nothing a caller sends gives a 5xx: every route of the host (read from its endpoints) gets the table of bad inputs
/// (<see cref="BadInputs"/>) and each kind of caller; every answer must be a 4xx problem (application/problem+json, with
/// a code) or a success where the input is legitimately fine, and the host must still be healthy afterwards. The counts
/// are printed for the record.
/// </summary>
public sealed class RobustnessTests(RobustnessHost host, ITestOutputHelper output) : IClassFixture<RobustnessHost>
{
    [Fact]
    public async Task Every_route_answers_every_bad_input_with_a_4xx_problem_and_never_a_5xx()
    {
        var routes = RouteCatalog.From(host.Host.Services);
        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");
        var sweep = new Sweep(output);
        using var client = host.Client();
        foreach (var route in routes)
            foreach (var probe in BadInputs.For(route, host))
                await sweep.SendAsync(client, probe);
        await sweep.AssertAsync(host, $"bad inputs on {routes.Count} routes");
    }

    [Fact]
    public async Task Every_route_answers_each_role_and_anonymous_callers_without_a_5xx()
    {
        var routes = RouteCatalog.From(host.Host.Services);
        var sweep = new Sweep(output);
        var callers = new List<(string Name, Func<Task<HttpClient>> Client)>
        {
            ("anonymous", () => Task.FromResult(host.Client(apiKey: null))),
            ("employee key", () => Task.FromResult(host.Client(RobustnessHost.EmployeeKey))),
            ("verifier key", () => Task.FromResult(host.Client(RobustnessHost.VerifierKey))),
            ("every role (bootstrap key)", () => Task.FromResult(host.Client())),
            ("hr-admin cookie", () => host.SignedInClientAsync()),
            ("employee cookie", () => host.SignedInClientAsync(RobustnessHost.EmployeeUser, RobustnessHost.EmployeePassword)),
        };
        foreach (var (name, make) in callers)
        {
            var client = await make();
            foreach (var route in routes)
            {
                var probe = BadInputs.For(route, host).First();
                await sweep.SendAsync(client, probe with { Name = name });
                // Signing out ends the cookie's session; the next routes are called signed in again.
                if (route.Template.EndsWith("/logout", StringComparison.Ordinal) && name.EndsWith("cookie", StringComparison.Ordinal))
                {
                    client.Dispose();
                    client = await make();
                }
            }
            client.Dispose();
        }
        await sweep.AssertAsync(host, $"{callers.Count} kinds of caller on {routes.Count} routes");
    }

    /// <summary>Sends probes and keeps the count of requests, of 5xx answers, and of every answer that is not as it should be.</summary>
    private sealed class Sweep(ITestOutputHelper output)
    {
        private readonly List<string> _wrong = [];
        private readonly SortedDictionary<int, int> _statuses = [];
        private int _sent;
        private int _serverErrors;

        public async Task SendAsync(HttpClient client, Probe probe)
        {
            _sent++;
            HttpResponseMessage response;
            try
            {
                using var request = probe.Request();
                response = await client.SendAsync(request);
            }
            catch (HttpRequestException e)
            {
                _wrong.Add($"{probe}: no answer ({e.Message})");
                return;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
                if (status >= 500) _serverErrors++;
                if (await WrongAsync(response, probe) is { } wrong) _wrong.Add($"{probe}: {status} {wrong}");
            }
        }

        private static async Task<string?> WrongAsync(HttpResponseMessage response, Probe probe)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) return Shorten(body);
            if (status < 400) return null;
            // Kestrel refuses some requests itself, before the app: an over-long request line or headers, a NUL in the path.
            if (status is 414 or 431 || (status == 400 && body.Length == 0 && response.Headers.ConnectionClose == true)) return null;
            // The browser pages (the web front, the jobs dashboard) answer people, not API clients.
            if (!probe.Url.StartsWith("/api", StringComparison.Ordinal)) return null;
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"not a problem: {response.Content.Headers.ContentType} {Shorten(body)}";
            using var problem = JsonDocument.Parse(body);
            if (!problem.RootElement.TryGetProperty("code", out _)) return $"a problem without a code: {Shorten(body)}";
            return null;
        }

        public async Task AssertAsync(RobustnessHost host, string what)
        {
            foreach (var wrong in _wrong.Take(200)) output.WriteLine(wrong);
            using var client = host.Client(apiKey: null);
            var health = await client.GetAsync("/health");
            var summary = $"Robustness ({what}): {_sent} requests, {_serverErrors} answers 5xx, {_wrong.Count} not a 4xx problem or a success; /health {(int)health.StatusCode}";
            output.WriteLine("Answers by status: " + string.Join(", ", _statuses.Select(s => $"{s.Key}: {s.Value}")));
            output.WriteLine(summary);
            Console.WriteLine(summary);
            Assert.True(_wrong.Count == 0, $"{summary}\n{string.Join("\n", _wrong.Take(30))}");
            Assert.Equal(0, _serverErrors);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
    }
}
