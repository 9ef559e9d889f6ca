namespace Pppk.Workflow.Engine.Feel;

internal static class FeelName
{
    /// <summary>A context key as FEEL text: plain when it is a simple name, quoted otherwise.</summary>
    public static string Format(string key)
    {
        if (key.Length == 0 || !(char.IsLetter(key[0]) || key[0] == '_'))
            return FeelString.Quote(key);
        foreach (var c in key)
            if (!(char.IsLetterOrDigit(c) || c is '_' or ' ' or '?'))
                return FeelString.Quote(key);
        return key;
    }
}
