using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>The incidents of a business rule task that calls a DMN decision, in English and Indonesian.</summary>
public static class DecisionTexts
{
    public static readonly TextTemplate DecisionIdEmpty = new("called-decision-empty",
        "'{0}' names no decision to evaluate; set zeebe:calledDecision decisionId.",
        "'{0}' belum menyebut keputusan yang dievaluasi; isi \"ID keputusan\" di desainer.");
    public static readonly TextTemplate NotDeployed = new("called-decision-not-deployed",
        "Decision '{0}' ({1}) is not deployed; deploy its .dmn file and retry.",
        "Keputusan '{0}' ({1}) belum diterapkan; terapkan berkas .dmn-nya lalu coba lagi.");
    public static readonly TextTemplate NoResolver = new("called-decision-unavailable",
        "'{0}' calls decision '{1}', but this engine was given no deployed decisions.",
        "'{0}' memanggil keputusan '{1}', tetapi tidak ada keputusan yang diterapkan untuk mesin ini.");
    // {0} decision name (key v version), {1} the task, {2} the DMN element that failed, {3} the FEEL/DMN error
    public static readonly TextTemplate EvaluationFailed = new("decision-evaluation-failed",
        "Decision {0} called by '{1}' failed at '{2}': {3}",
        "Keputusan {0} yang dipanggil oleh '{1}' gagal dievaluasi pada '{2}': {3}");
}
