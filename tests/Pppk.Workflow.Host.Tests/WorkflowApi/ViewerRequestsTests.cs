using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

public sealed class ViewerRequestsTests(TestHost host) : IClassFixture<TestHost>
{
    /// <summary>
    /// What the viewer asks for at once (the definition, the case, its history), many times over in parallel: every
    /// answer is a 200. A reader disposed twice (<c>GET /api/definitions/{key}</c> did) closed the command of another
    /// request that had taken its pooled connection in between, and that request failed with a 500.
    /// </summary>
    [Fact]
    public async Task The_viewer_requests_in_parallel_all_answer_200()
    {
        var api = new WorkflowApiClient(host.Client());
        await api.DeployAsync(Bpmn.Chain("reuse_viewer", Bpmn.UserTask("periksa", "Periksa")));
        var id = (string)(await api.StartAsync("reuse_viewer"))["id"]!;
        string[] paths = ["/api/definitions/reuse_viewer?version=1", $"/api/instances/{id}", $"/api/instances/{id}/history", $"/api/incidents?instanceId={id}"];
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            using var client = host.Client();
            client.Timeout = TimeSpan.FromSeconds(20); // a connection left mid-command can leave a request unanswered
            for (var round = 0; round < 40; round++)
            {
                var answers = await Task.WhenAll(paths.Select(p => client.GetAsync(p, ct)));
                for (var k = 0; k < paths.Length; k++)
                    if (answers[k].StatusCode != System.Net.HttpStatusCode.OK) failures.Add($"{paths[k]}: {(int)answers[k].StatusCode}");
            }
        });
        Assert.Empty(failures);
    }
}
