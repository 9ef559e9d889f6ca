using System.Text.Json.Nodes;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// The <c>ambang-batas-seleksi</c> table's verdict per applicant, as the workflow collects it
/// (<c>thresholdResults</c>: <c>[{registrationNumber, lulus, alasan}]</c>): by registration number, the reason an
/// applicant is below the thresholds, or null when they meet them.
/// </summary>
internal static class ThresholdVerdicts
{
    public static Dictionary<string, string?> Read(JsonNode? results)
    {
        if (results is not JsonArray list)
            throw new HandlerInput.MissingInputException("The task needs 'thresholdResults' (a list): the ambang-batas-seleksi table's verdict on each applicant, collected by the business rule task before the ranking.");
        var verdicts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item?["registrationNumber"] is not JsonValue reg || item["lulus"] is not JsonValue met || !met.TryGetValue<bool>(out var passes))
                throw new HandlerInput.MissingInputException("Each entry of 'thresholdResults' needs registrationNumber and lulus (true or false), as the ambang-batas-seleksi table answers.");
            verdicts[reg.ToString()] = passes ? null : item["alasan"]?.ToString() ?? "Di bawah nilai ambang batas";
        }
        return verdicts;
    }
}
