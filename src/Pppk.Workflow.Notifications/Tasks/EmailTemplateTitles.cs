namespace Pppk.Workflow.Notifications.Tasks;

/// <summary>How a template's file name reads in the designer's list: <c>hasil-seleksi</c> as "Hasil seleksi".</summary>
internal static class EmailTemplateTitles
{
    public static string Of(string name)
    {
        var words = name.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..] + $" ({name})";
    }
}
