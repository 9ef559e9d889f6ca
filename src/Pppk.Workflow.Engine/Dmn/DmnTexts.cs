using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>Every DMN reader problem and evaluation error, by code, in English and Indonesian. Names, ids and values stay verbatim.</summary>
public static class DmnTexts
{
    // Reader
    public static readonly TextTemplate NotXml = new("dmn-not-xml",
        "The file is not well-formed XML: {0}",
        "Berkas bukan XML yang sah: {0}");
    public static readonly TextTemplate NotDmn = new("dmn-not-dmn",
        "The root element is '{0}' in namespace '{1}', not a DMN 1.1-1.5 'definitions'.",
        "Elemen akar adalah '{0}' dalam namespace '{1}', bukan 'definitions' DMN 1.1-1.5.");
    public static readonly TextTemplate FeelSyntax = new("dmn-feel-syntax",
        "{0} '{1}': the FEEL text '{2}' is not valid: {3}",
        "{0} '{1}': teks FEEL '{2}' tidak sah: {3}");
    public static readonly TextTemplate DuplicateName = new("dmn-duplicate-name",
        "Two elements are named '{0}' ('{1}' and '{2}'): names in a model must be unique.",
        "Dua elemen bernama '{0}' ('{1}' dan '{2}'): nama dalam satu model harus unik.");
    public static readonly TextTemplate MissingReference = new("dmn-missing-reference",
        "{0} '{1}' requires '{2}', which is not in the model or its imports.",
        "{0} '{1}' membutuhkan '{2}', yang tidak ada di model maupun impornya.");
    public static readonly TextTemplate MissingImport = new("dmn-missing-import",
        "The import '{0}' (namespace '{1}') was not supplied.",
        "Impor '{0}' (namespace '{1}') tidak tersedia.");
    public static readonly TextTemplate UnknownType = new("dmn-unknown-type",
        "{0} '{1}' uses type '{2}', which is neither a FEEL type nor an item definition; it is treated as Any.",
        "{0} '{1}' memakai tipe '{2}', yang bukan tipe FEEL maupun definisi item; dianggap Any.");
    public static readonly TextTemplate UnknownHitPolicy = new("dmn-unknown-hit-policy",
        "Decision table '{0}' has hit policy '{1}' (known: UNIQUE, FIRST, PRIORITY, ANY, COLLECT, RULE ORDER, OUTPUT ORDER).",
        "Tabel keputusan '{0}' memakai kebijakan hit '{1}' (yang dikenal: UNIQUE, FIRST, PRIORITY, ANY, COLLECT, RULE ORDER, OUTPUT ORDER).");
    public static readonly TextTemplate RuleShape = new("dmn-rule-shape",
        "Rule {0} of decision table '{1}' has {2} input and {3} output entries; the table has {4} inputs and {5} outputs.",
        "Aturan {0} tabel keputusan '{1}' memiliki {2} entri masukan dan {3} entri keluaran; tabel memiliki {4} masukan dan {5} keluaran.");
    public static readonly TextTemplate NoName = new("dmn-no-name",
        "{0} '{1}' has no name: other elements refer to it by name.",
        "{0} '{1}' tidak bernama: elemen lain merujuknya dengan nama.");
    public static readonly TextTemplate TooLarge = new("dmn-too-large",
        "The model has {0} elements; at most {1} are accepted.",
        "Model memiliki {0} elemen; paling banyak {1} diterima.");
    public static readonly TextTemplate CyclicRequirement = new("dmn-cyclic-requirement",
        "{0} '{1}' requires itself through its requirements.",
        "{0} '{1}' membutuhkan dirinya sendiri melalui kebutuhannya.");

    // Evaluation
    public static readonly TextTemplate UnknownDecision = new("dmn-unknown-decision",
        "Model '{0}' has no decision, business knowledge model or decision service with id or name '{1}'.",
        "Model '{0}' tidak memiliki keputusan, model pengetahuan bisnis, atau layanan keputusan dengan id atau nama '{1}'.");
    public static readonly TextTemplate LimitExceeded = new("dmn-limit",
        "Evaluating '{0}' exceeded a limit: {1}",
        "Evaluasi '{0}' melampaui batas: {1}");
    public static readonly TextTemplate NotSupportedKind = new("dmn-function-kind-unsupported",
        "Function definition '{0}' is of kind '{1}'; only FEEL functions are supported.",
        "Definisi fungsi '{0}' berjenis '{1}'; hanya fungsi FEEL yang didukung.");

    // Names of elements inside messages
    public static readonly Term Decision = new("Decision", "Keputusan");
    public static readonly Term InputData = new("Input data", "Data masukan");
    public static readonly Term Knowledge = new("Business knowledge model", "Model pengetahuan bisnis");
    public static readonly Term Service = new("Decision service", "Layanan keputusan");
    public static readonly Term ItemDefinition = new("Item definition", "Definisi item");
    public static readonly Term Expression = new("Expression", "Ekspresi");
    public static readonly Term Table = new("Decision table", "Tabel keputusan");
}
