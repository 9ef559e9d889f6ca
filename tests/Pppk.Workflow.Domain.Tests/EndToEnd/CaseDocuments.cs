using Npgsql;
using Pppk.Workflow.Domain.Tests.Documents;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>The documents a workflow stored with a case (<c>pppk.documents</c>), read back as PDF text.</summary>
internal static class CaseDocuments
{
    /// <summary>The text of the case's only document of <paramref name="kind"/>; its PDF (and PNG pages) saved as <paramref name="saveAs"/> for a person to look at.</summary>
    public static async Task<string> TextAsync(string connectionString, string instanceId, string kind, string saveAs)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var cmd = data.CreateCommand("SELECT pdf FROM pppk.documents WHERE instance_id = @i AND kind = @k");
        cmd.Parameters.AddWithValue("i", Guid.Parse(instanceId));
        cmd.Parameters.AddWithValue("k", kind);
        var pdfs = new List<byte[]>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) pdfs.Add((byte[])reader[0]);
        var pdf = Xunit.Assert.Single(pdfs);
        PdfText.Save(saveAs, pdf, pages: 1);
        return PdfText.All(pdf);
    }

    /// <summary>The kinds of every document stored with the case.</summary>
    public static async Task<List<string>> KindsAsync(string connectionString, string instanceId)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var cmd = data.CreateCommand("SELECT kind FROM pppk.documents WHERE instance_id = @i ORDER BY kind");
        cmd.Parameters.AddWithValue("i", Guid.Parse(instanceId));
        var kinds = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) kinds.Add(reader.GetString(0));
        return kinds;
    }
}
