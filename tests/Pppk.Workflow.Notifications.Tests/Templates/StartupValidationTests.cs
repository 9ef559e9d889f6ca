using Pppk.Workflow.Host;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Notifications.Tests.Templates;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task A_host_with_a_broken_template_does_not_start_and_names_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("tpl-bad").FullName;
        File.WriteAllText(Path.Combine(dir, "rusak.subject.liquid"), "Halo {% if nama %}");
        File.WriteAllText(Path.Combine(dir, "rusak.html.liquid"), "<p></p>");
        File.WriteAllText(Path.Combine(dir, "rusak.txt.liquid"), "x");
        var connection = await TestCluster.CreateDatabaseAsync("tplbad");
        try
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => PppkHost.StartAsync([], new Dictionary<string, string?>
            {
                ["ConnectionStrings:Pppk"] = connection,
                ["Urls"] = "http://127.0.0.1:0",
                ["Email:TemplatesDirectory"] = dir,
                ["Serilog:MinimumLevel:Default"] = "Fatal",
                ["Serilog:WriteTo:1:Args:path"] = TestHost.LogPath,
            }));
            Assert.Contains("rusak.subject.liquid", e.Message);
        }
        finally
        {
            await TestCluster.DropDatabaseAsync(connection);
            Directory.Delete(dir, recursive: true);
        }
    }
}
