using System.Net;
using System.Text;

namespace Pppk.Workflow.Host.Tests.Robustness;

/// <summary>
/// FEEL bombs for the try-out endpoint (issue 12 items 1-2): each is a 400 naming the FEEL limit it hit, and the host
/// stays up. Without the parser's depth limit a deep nesting overflows the stack, which no .NET code can catch and which
/// would end this test process; without the evaluation budget the product of ranges spins a thread for hours.
/// </summary>
public sealed class ExpressionBombTests(RobustnessHost host) : IClassFixture<RobustnessHost>
{
    public static readonly TheoryData<string, string> Bombs = new()
    {
        { "5,000 nested parentheses (the issue's reproduction)", new string('(', 5_000) + "1" + new string(')', 5_000) },
        { "4,000 nested parentheses (within the length limit)", new string('(', 4_000) + "1" + new string(')', 4_000) },
        { "4,000 nested lists", new string('[', 4_000) + "1" + new string(']', 4_000) },
        { "3,000 nested contexts", string.Concat(Enumerable.Repeat("{a:", 3_000)) + "1" + new string('}', 3_000) },
        { "3,000 unary minus", new string('-', 3_000) + "1" },
        { "a product of two large ranges", "every x in 1..1000000, y in 1..1000000 satisfies true" },
        { "a list of ten million items", "count(for i in 1..10000000 return i)" },
        { "a string of two million characters", "string join(for i in 1..200000 return \"xxxxxxxxxx\")" },
        { "a for over two ranges", "count(for x in 1..100000, y in 1..100000 return 1)" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_FEEL_bomb_is_a_400_and_the_host_stays_up(string what, string expression)
    {
        using var client = host.Client();
        var body = System.Text.Json.JsonSerializer.Serialize(new { expression });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await client.PostAsync("/api/expressions/evaluate", new StringContent(body, Encoding.UTF8, "application/json"), cancel.Token);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel.Token));
        var code = problem.RootElement.GetProperty("code").GetString();
        Assert.True(code is not null && (code.StartsWith("feel-", StringComparison.Ordinal) || code == "text-too-long"), $"{what}: code {code}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
