using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>The API reference page (<c>/docs</c>, Scalar) renders the OpenAPI document in Chromium under the site's policy, asking nothing of another host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferencePageTests(BrowserHost host)
{
    [Fact]
    public async Task The_reference_page_renders_the_API_from_this_host_alone()
    {
        var page = await host.NewPageAsync();
        var elsewhere = new ConcurrentQueue<string>();
        var violations = new ConcurrentQueue<string>();
        page.Context.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != host.Url.Authority) elsewhere.Enqueue(request.Url);
        };
        page.Context.Console += (_, m) =>
        {
            // Zod (inside Scalar's bundle) probes once whether eval is allowed and works without it when it is not.
            if (m.Text.StartsWith("CSP violation", StringComparison.Ordinal) && !m.Text.StartsWith("CSP violation: script-src blocked eval", StringComparison.Ordinal))
                violations.Enqueue(m.Text);
        };
        try
        {
            // The bundle is 5 MB of script: on a busy machine it takes a while to parse.
            await page.GotoAsync("/docs", new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pppk.Workflow API" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Instances" }).First.ClickAsync();
            await Assertions.Expect(page.GetByText("Start an instance; answers it as its first step left it").First).ToBeVisibleAsync();
        }
        finally
        {
            await BrowserHost.ScreenshotAsync(page, "api-reference");
        }

        Assert.Empty(elsewhere);
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
