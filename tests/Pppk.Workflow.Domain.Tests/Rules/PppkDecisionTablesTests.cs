using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Domain.Tests.Rules;

/// <summary>The three PPPK tables of workflows/ read and evaluated in memory: the rule that matches and what it answers.</summary>
public sealed class PppkDecisionTablesTests
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln")))
                return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("No workflows folder above the test binaries.");
    });

    internal static DmnModel Table(string file)
    {
        var read = DmnReader.Read(File.ReadAllText(Path.Combine(Folder.Value, file)));
        Assert.True(read.Model is not null, string.Join("; ", read.Problems.Select(p => p.ToString())));
        return read.Model!;
    }

    private static (JsonObject Output, MatchedRule Rule) Evaluate(string file, string decision, JsonObject variables)
    {
        var evaluation = DmnEvaluator.Evaluate(Table(file), decision, FeelScope.FromJson(variables), FeelEnvironment.Default);
        var evaluated = evaluation.EvaluatedDecisions.Single(d => d.DecisionId == decision);
        return (evaluation.Output.ToJson()!.AsObject(), Assert.Single(evaluated.MatchedRules));
    }

    private static JsonObject Renewal(string? predicate, bool needed = true, bool? unitOk = true, decimal? ratio = 25m, bool? fiscalOverride = null, decimal? cap = 30m) => new()
    {
        ["latestPredicate"] = predicate, ["stillNeeded"] = needed, ["unitBudgetOk"] = unitOk, ["regionalRatioPercent"] = ratio, ["fiscalOverride"] = fiscalOverride,
        ["batasBelanjaPegawai"] = cap,
    };

    [Theory]
    [InlineData(null, true, true, 25, null, "perlu penilaian kinerja", 1)]
    [InlineData("Sangat Kurang", true, true, 25, null, "tidak diperpanjang", 2)]
    [InlineData("Baik", false, true, 25, null, "tidak diperpanjang", 3)]
    [InlineData("Baik", true, false, 25, null, "tidak diperpanjang", 4)]
    [InlineData("Baik", true, true, 31.5, null, "tidak diperpanjang", 5)]
    [InlineData("Baik", true, false, 25, true, "diperpanjang", 6)]
    [InlineData("Sangat Baik", true, true, 25, null, "diperpanjang", 7)]
    [InlineData("Butuh Perbaikan", true, true, 30, false, "diperpanjang", 8)]
    public void The_renewal_table_weighs_performance_need_budget_and_the_personnel_cap(string? predicate, bool needed, bool unitOk, double ratio, bool? fiscalOverride,
        string recommendation, int rule)
    {
        var (output, matched) = Evaluate("rekomendasi-perpanjangan.dmn", "rekomendasi-perpanjangan", Renewal(predicate, needed, unitOk, (decimal)ratio, fiscalOverride));
        Assert.Equal(recommendation, (string?)output["rekomendasi"]);
        Assert.Equal(rule, matched.RuleIndex);
        Assert.False(string.IsNullOrWhiteSpace((string?)output["alasan"]));
        Assert.False(string.IsNullOrWhiteSpace(matched.Annotation));
        if (recommendation == "diperpanjang") Assert.InRange((decimal)output["masaTahun"]!, 1m, 5m);
    }

    [Fact]
    public void The_personnel_cap_reason_quotes_the_ratio_and_the_years_limit()
    {
        var (output, _) = Evaluate("rekomendasi-perpanjangan.dmn", "rekomendasi-perpanjangan", Renewal("Baik", ratio: 31.5m));
        Assert.Equal("Belanja pegawai daerah menjadi 31.5% dari APBD, melebihi batas belanja pegawai tahun itu (30%).", (string?)output["alasan"]);
    }

    [Theory]
    [InlineData(27.5, 27.6, 5)]
    [InlineData(27.5, 27.5, 8)]
    [InlineData(35, 31.5, 8)]
    public void The_personnel_cap_is_the_fiscal_years_limit_not_a_number_in_the_table(double cap, double ratio, int rule)
    {
        var (output, matched) = Evaluate("rekomendasi-perpanjangan.dmn", "rekomendasi-perpanjangan", Renewal("Baik", ratio: (decimal)ratio, cap: (decimal)cap));
        Assert.Equal(rule, matched.RuleIndex);
        Assert.Equal(rule == 5 ? "tidak diperpanjang" : "diperpanjang", (string?)output["rekomendasi"]);
    }

    [Fact]
    public void A_part_time_renewal_without_fiscal_figures_is_judged_on_performance_and_need()
    {
        var (output, matched) = Evaluate("rekomendasi-perpanjangan.dmn", "rekomendasi-perpanjangan", Renewal("Baik", unitOk: null, ratio: null, cap: null));
        Assert.Equal("diperpanjang", (string?)output["rekomendasi"]);
        Assert.Equal(8, matched.RuleIndex);
    }

    private static JsonObject Scores(int year, string type, int technical, int managerial, int interview) => new()
    {
        ["roundYear"] = year, ["positionType"] = type, ["technical"] = technical, ["managerialSocioCultural"] = managerial, ["interview"] = interview,
    };

    [Theory]
    [InlineData(2023, "Guru", 300, 116, 30, false, "Nilai manajerial dan sosiokultural 116 di bawah ambang batas 117 (seleksi 2023, guru)")]
    [InlineData(2023, "Guru", 300, 117, 23, false, "Nilai wawancara 23 di bawah ambang batas 24 (seleksi 2023, guru)")]
    [InlineData(2023, "Guru", 100, 117, 24, true, null)]
    [InlineData(2023, "Teknis", 100, 50, 5, true, null)]
    [InlineData(2024, "Guru", 100, 50, 5, true, "Seleksi 2024 tanpa nilai ambang batas: kelulusan menurut peringkat")]
    public void The_thresholds_depend_on_the_round_and_the_position_type(int year, string type, int technical, int managerial, int interview, bool passes, string? reason)
    {
        var (output, _) = Evaluate("ambang-batas-seleksi.dmn", "ambang-batas-seleksi", Scores(year, type, technical, managerial, interview));
        Assert.Equal(passes, (bool)output["lulus"]!);
        if (reason is not null) Assert.Equal(reason, (string?)output["alasan"]);
    }

    [Theory]
    [InlineData("Baik", 75, true, 70)]
    [InlineData("Baik", 70, false, 70)]
    [InlineData(null, 75, true, 70)]
    [InlineData("Sangat Baik", 100, false, 100)]
    [InlineData("Kurang", 31, true, 30)]
    [InlineData("Sangat Kurang", 20, false, 20)]
    public void The_distribution_cap_follows_the_units_own_rating(string? unitRating, int share, bool broken, int cap)
    {
        var (output, _) = Evaluate("batas-sebaran-predikat.dmn", "batas-sebaran-predikat", new JsonObject
        {
            ["unitRating"] = unitRating, ["unitGoodShare"] = share, ["unitGoodCount"] = 3, ["unitStaffCount"] = 4, ["unitCode"] = "UDIST",
        });
        Assert.Equal(broken, (bool)output["melampauiBatas"]!);
        Assert.Equal(cap, (decimal)output["batasPersen"]!);
    }
}
