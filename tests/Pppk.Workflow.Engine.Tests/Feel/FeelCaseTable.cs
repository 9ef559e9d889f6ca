namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>
/// Reads case tables written as lines of <c>expression ==> expected</c>, where expected is the FEEL text of
/// the result (<c>null</c>, <c>3</c>, <c>"text"</c>, <c>date("2025-01-01")</c>, <c>[1, 2]</c>, …).
/// Lines starting with '#' are comments. Expected values were worked out from DMN 1.5 chapter 10.
/// </summary>
internal static class FeelCaseTable
{
    public static TheoryData<string, string> Parse(string table)
    {
        var data = new TheoryData<string, string>();
        foreach (var raw in table.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var at = line.LastIndexOf(" ==> ", StringComparison.Ordinal);
            if (at < 0)
                throw new FormatException($"Case line without ' ==> ': {line}");
            data.Add(line[..at].Trim(), line[(at + 5)..].Trim());
        }
        return data;
    }
}
