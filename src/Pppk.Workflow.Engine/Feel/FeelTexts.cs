using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>Every FEEL syntax error and exceeded limit, by code, in English and Indonesian. Tokens, names and positions stay verbatim.</summary>
public static class FeelTexts
{
    // The frame around a reason, as the designer and the validator show it
    public static readonly TextTemplate SyntaxError = new("feel-syntax-in-expression",
        "FEEL syntax error in '{0}': {1} at line {2}, column {3}.",
        "Galat sintaks FEEL pada '{0}': {1} pada baris {2}, kolom {3}.");
    public static readonly TextTemplate ReasonAt = new("feel-syntax-position",
        "{0} (line {1}, column {2})",
        "{0} (baris {1}, kolom {2})");
    public static readonly TextTemplate NotParsed = new("feel-unparsable",
        "FEEL expression '{0}' could not be parsed: {1}",
        "Ekspresi FEEL '{0}' tidak dapat diurai: {1}");
    public static readonly TextTemplate NotValidFeel = new("feel-invalid",
        "The expression is not valid FEEL: {0}",
        "Ekspresi bukan FEEL yang sah: {0}");

    // Lexer
    public static readonly TextTemplate UnterminatedComment = new("feel-unterminated-comment",
        "Unterminated comment: expected '*/'",
        "Komentar tidak ditutup: diharapkan '*/'");
    public static readonly TextTemplate UnterminatedName = new("feel-unterminated-name",
        "Unterminated `name`: expected a closing backtick",
        "`nama` tidak ditutup: diharapkan backtick penutup");
    public static readonly TextTemplate UnexpectedCharacter = new("feel-unexpected-character",
        "Unexpected character '{0}'",
        "Karakter '{0}' tidak terduga");
    public static readonly TextTemplate NumberOutOfRange = new("feel-number-out-of-range",
        "Number {0} is out of range (about ±7.9e28, 28 digits)",
        "Angka {0} di luar jangkauan (sekitar ±7.9e28, 28 digit)");
    public static readonly TextTemplate UnterminatedString = new("feel-unterminated-string",
        "Unterminated string: expected closing '\"'",
        "String tidak ditutup: diharapkan '\"' penutup");

    // Parser
    public static readonly TextTemplate ExpectedExpression = new("feel-expected-expression",
        "Expected an expression",
        "Diharapkan sebuah ekspresi");
    public static readonly TextTemplate ExpectedOperatorOrEnd = new("feel-expected-operator",
        "Expected an operator or end of expression but found {0}",
        "Diharapkan operator atau akhir ekspresi tetapi ditemukan {0}");
    public static readonly TextTemplate ExpectedToken = new("feel-expected-token",
        "Expected '{0}' {1} but found {2}",
        "Diharapkan '{0}' {1} tetapi ditemukan {2}");
    public static readonly TextTemplate ExpectedVariableName = new("feel-expected-variable-name",
        "Expected a variable name but found {0}",
        "Diharapkan nama variabel tetapi ditemukan {0}");
    public static readonly TextTemplate ExpectedCommaOr = new("feel-expected-separator",
        "Expected ',' or '{0}' but found {1}",
        "Diharapkan ',' atau '{0}' tetapi ditemukan {1}");
    public static readonly TextTemplate ExpectedParameterName = new("feel-expected-parameter-name",
        "Expected a parameter name but found {0}",
        "Diharapkan nama parameter tetapi ditemukan {0}");
    public static readonly TextTemplate ExpectedOfAfterInstance = new("feel-expected-of",
        "Expected 'of' after 'instance' but found {0}",
        "Diharapkan 'of' setelah 'instance' tetapi ditemukan {0}");
    public static readonly TextTemplate ExpectedNameAfterDot = new("feel-expected-name-after-dot",
        "Expected a name after '.' but found {0}",
        "Diharapkan nama setelah '.' tetapi ditemukan {0}");
    public static readonly TextTemplate UnknownParameter = new("feel-unknown-parameter",
        "Function '{0}' has no parameter '{1}'; its parameters are: {2}",
        "Fungsi '{0}' tidak memiliki parameter '{1}'; parameternya: {2}");
    public static readonly TextTemplate WrongArgumentCount = new("feel-argument-count",
        "Function '{0}' expects {1} argument(s) but was given {2}",
        "Fungsi '{0}' mengharapkan {1} argumen tetapi diberi {2}");
    public static readonly TextTemplate MixedArguments = new("feel-mixed-arguments",
        "Named and positional arguments cannot be mixed",
        "Argumen bernama dan argumen posisi tidak dapat dicampur");
    public static readonly TextTemplate InvalidTemporal = new("feel-invalid-temporal",
        "Invalid temporal literal @\"{0}\": expected a date, time, date and time or duration in ISO 8601 form",
        "Literal waktu @\"{0}\" tidak sah: diharapkan tanggal, waktu, tanggal dan waktu, atau durasi dalam bentuk ISO 8601");
    public static readonly TextTemplate UnexpectedEnd = new("feel-unexpected-end",
        "Unexpected end of expression: expected an operand",
        "Akhir ekspresi tidak terduga: diharapkan sebuah operan");
    public static readonly TextTemplate UnexpectedToken = new("feel-unexpected-token",
        "Unexpected {0}: expected an operand (number, string, name, '(', '[' or '{{')",
        "{0} tidak terduga: diharapkan sebuah operan (angka, string, nama, '(', '[' atau '{{')");
    public static readonly TextTemplate UnexpectedKeyword = new("feel-unexpected-keyword",
        "Unexpected keyword '{0}': expected an operand",
        "Kata kunci '{0}' tidak terduga: diharapkan sebuah operan");
    public static readonly TextTemplate ExpectedRangeEnd = new("feel-expected-range-end",
        "Expected ']', ')' or '[' to close the range but found {0}",
        "Diharapkan ']', ')' atau '[' untuk menutup rentang tetapi ditemukan {0}");
    public static readonly TextTemplate ExpectedContextKey = new("feel-expected-context-key",
        "Expected a context key (name or string) but found {0}",
        "Diharapkan kunci konteks (nama atau string) tetapi ditemukan {0}");
    public static readonly TextTemplate ExpectedTypeName = new("feel-expected-type-name",
        "Expected a type name but found {0}",
        "Diharapkan nama tipe tetapi ditemukan {0}");
    public static readonly TextTemplate UnknownType = new("feel-unknown-type",
        "Unknown type '{0}': expected one of {1}",
        "Tipe '{0}' tidak dikenal: diharapkan salah satu dari {1}");

    // Parse limits (FeelLimits)
    public static readonly TextTemplate NestedTooDeep = new("feel-nested-too-deep",
        "Expression nested too deeply: more than {0} levels of brackets, lists, contexts, calls, if/for/some/every or unary operators",
        "Ekspresi bersarang terlalu dalam: lebih dari {0} tingkat kurung, daftar, konteks, panggilan fungsi, if/for/some/every atau operator unary");
    public static readonly TextTemplate TooManyOperations = new("feel-too-many-operations",
        "Expression too complex: more than {0} operations depend on one another (a chain of {0} '+' or 'and' is {0}); split it into variables or use a list with sum() or all()",
        "Ekspresi terlalu rumit: lebih dari {0} operasi saling bergantung (rantai {0} '+' atau 'and' dihitung {0}); pecah menjadi beberapa variabel atau gunakan daftar dengan sum() atau all()");
    public static readonly TextTemplate ExpressionTooLong = new("feel-expression-too-long",
        "Expression is {0} characters long; at most {1} are allowed",
        "Ekspresi sepanjang {0} karakter; paling banyak {1} karakter diizinkan");

    // Evaluation limits (FeelLimitException)
    public static readonly TextTemplate EvaluationStopped = new("feel-evaluation-stopped",
        "The expression was stopped: {0}",
        "Ekspresi dihentikan: {0}");
    public static readonly TextTemplate IterationLimit = new("feel-limit-iterations",
        "Evaluation stopped after {0} iterations, the limit of one evaluation; the expression walks too much (e.g. for, some or every over the product of large ranges)",
        "Evaluasi dihentikan setelah {0} iterasi, batas satu evaluasi; ekspresi menjelajah terlalu banyak (misalnya for, some atau every atas hasil kali rentang yang besar)");
    public static readonly TextTemplate TimeLimit = new("feel-limit-time",
        "Evaluation stopped after {0} ms, the time limit of one evaluation",
        "Evaluasi dihentikan setelah {0} md, batas waktu satu evaluasi");
    public static readonly TextTemplate ListLimit = new("feel-limit-list",
        "A list or context of more than {0} items would be built; that is the limit of one evaluation",
        "Daftar atau konteks berisi lebih dari {0} butir akan dibangun; itu batas satu evaluasi");
    public static readonly TextTemplate StringLimit = new("feel-limit-string",
        "A string of more than {0} characters would be built; that is the limit of one evaluation",
        "String lebih dari {0} karakter akan dibangun; itu batas satu evaluasi");
    public static readonly TextTemplate DepthLimit = new("feel-limit-depth",
        "Function calls or values (lists, contexts, JSON variables) nest deeper than {0} levels",
        "Panggilan fungsi atau nilai (daftar, konteks, variabel JSON) bersarang lebih dalam dari {0} tingkat");
    // {0} the year without holiday data, {1} the last day with data (a working-day function never counts weekends only past it)
    public static readonly TextTemplate CalendarYearMissing = new("feel-calendar-year-missing",
        "The holiday calendar for {0} has not been entered (the data ends on {1}); working days cannot be counted there. Enter the year on the Kalender libur screen.",
        "kalender libur tahun {0} belum diisi (data berakhir {1}); hari kerja tidak dapat dihitung di sana. Isi tahun itu di layar Kalender libur.");
    public static readonly TextTemplate ResultLimit = new("feel-limit-result",
        "The result is larger than {0} characters when written as JSON",
        "Hasil lebih besar dari {0} karakter bila ditulis sebagai JSON");

    // Where an expected token was missing ({1} of ExpectedToken) and what was found instead
    public static readonly Term EndOfExpression = new("end of expression", "akhir ekspresi");
    public static readonly Term ToCloseFilter = new("to close the filter", "untuk menutup filter");
    public static readonly Term AfterParameterName = new("after the parameter name", "setelah nama parameter");
    public static readonly Term ToCloseArguments = new("to close the argument list", "untuk menutup daftar argumen");
    public static readonly Term ToCloseParenthesis = new("to close '('", "untuk menutup '('");
    public static readonly Term ToCloseList = new("to close the list", "untuk menutup daftar");
    public static readonly Term InRange = new("in the range", "dalam rentang");
    public static readonly Term ToCloseContext = new("to close the context", "untuk menutup konteks");
    public static readonly Term ToCloseTypeParameters = new("in the type parameters", "dalam parameter tipe");
    public static readonly Term ToCloseTests = new("to close the list of tests", "untuk menutup daftar uji");
    public static readonly Term AfterIfCondition = new("after the if condition", "setelah kondisi if");
    public static readonly Term AfterThenBranch = new("after the then branch (FEEL if needs an else)", "setelah cabang then (if pada FEEL memerlukan else)");
    public static readonly Term AfterForContexts = new("after the for iteration contexts", "setelah konteks iterasi for");
    public static readonly Term ToCloseParameters = new("to close the parameter list", "untuk menutup daftar parameter");
    public static readonly Term BetweenBounds = new("between the two bounds of 'between'", "di antara kedua batas 'between'");

    public static Term AfterContextKey(string key) => new($"after the context key '{key}'", $"setelah kunci konteks '{key}'");
    public static Term AfterQuantifier(string quantifier) => new($"after the {quantifier} iteration contexts", $"setelah konteks iterasi {quantifier}");
    public static Term After(string token) => new($"after '{token}'", $"setelah '{token}'");
    public static Term Arity(int min, int max) => max == int.MaxValue ? new($"at least {min}", $"sedikitnya {min}")
        : min == max ? Verbatim($"{min}") : new($"{min} to {max}", $"{min} sampai {max}");
    public static Term Verbatim(string text) => new(text, text);
}
