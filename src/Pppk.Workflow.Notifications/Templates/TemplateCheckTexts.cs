using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Notifications.Templates;

/// <summary>The problems of a template part, by code, in English and Indonesian (start-up, the editor's save and preview).</summary>
public static class TemplateCheckTexts
{
    public static readonly TextTemplate Subject = new("email-template-part-subject", "subject", "Subjek");
    public static readonly TextTemplate Html = new("email-template-part-html", "HTML body", "Bagian HTML");
    public static readonly TextTemplate Text = new("email-template-part-text", "text", "Teks");

    public static readonly TextTemplate Syntax = new("email-template-syntax",
        "The {0} has a Liquid error on line {1}: {2}",
        "{0} memiliki kesalahan Liquid pada baris {1}: {2}");
    public static readonly TextTemplate UnknownFilter = new("email-template-unknown-filter",
        "The {0} uses the filter '{2}' on line {1}, which does not exist (known: {3}).",
        "{0} memakai filter '{2}' pada baris {1}, yang tidak ada (yang dikenal: {3}).");
    public static readonly TextTemplate Empty = new("email-template-part-empty",
        "The {0} is empty; every template needs a subject, an HTML and a plain-text part.",
        "{0} kosong; setiap templat memerlukan bagian Subjek, HTML dan Teks.");
    public static readonly TextTemplate TooLong = new("email-template-part-too-long",
        "The {0} is {1} characters long; at most {2} are allowed.",
        "{0} sepanjang {1} karakter; paling banyak {2} karakter.");

    /// <summary>The part's name as a person reads it.</summary>
    public static LocalizedText PartName(string part) => (part switch { "subject" => Subject, "html" => Html, _ => Text }).Format();
}
