using System.Globalization;
using System.Xml.Linq;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Dmn.Tck;

/// <summary>Values of the TCK's testCases.xsd (typed values, components, lists, nil) as FEEL values, and how results compare.</summary>
internal static class TckValues
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>An inputNode, expected, item or component: a value, a context of components, a list, or nil.</summary>
    public static FeelValue Read(XElement node)
    {
        if (node.Attribute(Xsi + "nil")?.Value == "true")
            return FeelValue.Null;
        var children = node.Elements().Where(e => e.Name.LocalName is "value" or "component" or "list").ToList();
        var components = children.Where(e => e.Name.LocalName == "component").ToList();
        if (components.Count > 0)
            return new FeelContext(components.Select(c => new KeyValuePair<string, FeelValue>(c.Attribute("name")!.Value, Read(c))));
        if (children.FirstOrDefault(e => e.Name.LocalName == "list") is { } list)
            return new FeelList(list.Elements().Where(e => e.Name.LocalName == "item").Select(Read).ToArray());
        if (children.FirstOrDefault(e => e.Name.LocalName == "value") is { } value)
            return Scalar(value);
        return FeelValue.Null;
    }

    private static FeelValue Scalar(XElement value)
    {
        if (value.Attribute(Xsi + "nil")?.Value == "true")
            return FeelValue.Null;
        if (value.Elements().Any())
            return Read(value);
        var text = value.Value;
        var type = value.Attribute(Xsi + "type")?.Value;
        type = type?[(type.IndexOf(':') + 1)..];
        return type switch
        {
            "decimal" or "double" or "float" or "int" or "integer" or "long" or "short" =>
                decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? FeelNumber.Of(d) : FeelValue.Null,
            "boolean" => FeelBoolean.Of(text.Trim() == "true"),
            "date" => Feel("date", text),
            "dateTime" => Feel("date and time", text),
            "time" => Feel("time", text),
            "duration" => Feel("duration", text),
            _ => new FeelString(text),
        };
    }

    private static decimal Unit(int digits)
    {
        var unit = 1m;
        for (var i = 0; i < digits; i++)
            unit /= 10;
        return unit;
    }

    private static FeelValue Feel(string function, string text) =>
        FeelExpression.Evaluate($"{function}(\"{text.Trim().Replace("\\", "\\\\").Replace("\"", "\\\"")}\")");

    /// <summary>
    /// FEEL equality, except that numbers may differ in the last digits (expected values are printed from decimal128
    /// or double results; ours are 28-digit decimals): a relative difference below 1e-10 is equal, and so is a result within one
    /// unit of the last digit of an expected value printed with fewer (but at least 7 significant) digits. Lists compare item by
    /// item, contexts by the same keys.
    /// </summary>
    public static bool Same(FeelValue expected, FeelValue actual)
    {
        switch (expected, actual)
        {
            case (FeelNumber e, FeelNumber a):
                if (e.Value == a.Value)
                    return true;
                var scale = Math.Max(Math.Abs(e.Value), 1m);
                if (Math.Abs(e.Value - a.Value) / scale < 1e-10m)
                    return true;
                // Expected values printed with fewer digits (0.36787944 for exp(-1), -0.88796890 for cos(456)): equal within
                // one unit of their last digit, if they keep 7 significant digits or more.
                var digits = e.Value.Scale;
                var significant = e.Value.ToString(CultureInfo.InvariantCulture).TrimStart('-', '0', '.').Count(char.IsDigit);
                return significant >= 7 && digits < a.Value.Scale && Math.Abs(e.Value - a.Value) < Unit(digits);
            case (FeelList e, FeelList a):
                return e.Count == a.Count && e.Items.Zip(a.Items).All(p => Same(p.First, p.Second));
            case (FeelContext e, FeelContext a):
                return e.Count == a.Count && e.Entries.All(entry => a.TryGet(entry.Key, out var v) && Same(entry.Value, v));
            default:
                return expected.IsNull ? actual.IsNull : FeelValue.EqualsFeel(expected, actual).IsTrue;
        }
    }
}
