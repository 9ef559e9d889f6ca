using Microsoft.AspNetCore.Http;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// The checks of a single record typed in (a budget, a fiscal setting, a round), with the same coded texts as the CSV
/// imports (<see cref="ImportTexts"/>), each under the JSON field it is about; <see cref="Result"/> is the 400, or null.
/// </summary>
internal sealed class FieldProblems(HttpRequest request)
{
    private readonly List<(string Field, LocalizedText Text)> _problems = [];

    public void Add(string field, LocalizedText text) => _problems.Add((field, text));

    public decimal? Rupiah(string field, decimal? value, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, ImportTexts.Required.Format(field));
            return null;
        }
        if (value < 0 || value > Amounts.MaxRupiah || value != decimal.Truncate(value.Value))
        {
            Add(field, ImportTexts.NotRupiah.Format(value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }
        return value;
    }

    public int? Int(string field, int? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, ImportTexts.Required.Format(field));
            return null;
        }
        if (value < min || value > max)
        {
            Add(field, ImportTexts.OutOfRange.Format(value, min, max));
            return null;
        }
        return value;
    }

    public IResult? Result => _problems.Count == 0 ? null : FieldsProblem.Invalid(_problems, request.Language());
}
