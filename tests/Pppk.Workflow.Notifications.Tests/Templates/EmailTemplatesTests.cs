using Pppk.Workflow.Testing;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Notifications.Tasks;
using Pppk.Workflow.Notifications.Templates;
using Pppk.Workflow.Notifications.Tests.Support;

namespace Pppk.Workflow.Notifications.Tests.Templates;

public sealed class EmailTemplatesTests
{
    private static EmailTemplates Create() => new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"), TimeProvider.System,
        new Dictionary<string, object?> { ["tautan_inbox"] = "https://pppk.example/" });

    private static EmailTemplates Shipped()
    {
        var templates = Create();
        Assert.Empty(templates.LoadDirectory(Repo.Templates));
        return templates;
    }

    [Fact]
    public void Every_shipped_template_loads_with_its_three_parts()
    {
        var templates = Shipped();
        foreach (var name in new[] { "hasil-seleksi", "hasil-administrasi-tms", "pengingat-drh", "sk-terbit", "hasil-evaluasi",
                     "keputusan-perpanjangan", "pengingat-kontrak-berakhir", "pengingat-tugas", "ringkasan-harian" })
            Assert.True(templates.Exists(name), name);
    }

    [Fact]
    public void Filters_render_dates_in_WITA_and_rupiah_inside_a_template()
    {
        var templates = Create();
        Assert.Empty(templates.Add("t", "Jadwal {{ mulai | tanggal }}", "<p>{{ mulai | tanggal_waktu }} {{ gaji | rupiah }} {{ nama }}</p>", "{{ mulai | waktu }} {{ hari | tanggal }} {{ gaji | rupiah }}"));
        var r = templates.Render("t", new JsonObject { ["mulai"] = "2025-06-02T00:00:00Z", ["gaji"] = 4500000, ["hari"] = "2025-08-17", ["nama"] = "Siti & <Budi>" });
        Assert.Equal("Jadwal Senin, 2 Juni 2025", r.Subject);
        Assert.Equal("<p>Senin, 2 Juni 2025 pukul 08.00 WITA Rp 4.500.000 Siti &amp; &lt;Budi&gt;</p>", r.Html);
        Assert.Equal("08.00 WITA Minggu, 17 Agustus 2025 Rp 4.500.000", r.Text);
    }

    [Fact]
    public void The_selection_result_renders_subject_and_both_bodies_in_Indonesian()
    {
        var r = Shipped().Render("sk-terbit", new JsonObject
        {
            ["nama"] = "Siti Aminah", ["ni_pppk"] = "199001012025212001", ["nomor_sk"] = "800/123/BKPSDM/2025", ["tanggal_sk"] = "2025-05-20",
            ["jabatan"] = "Guru Ahli Pertama", ["unit_kerja"] = "SDN 001 Tenggarong", ["tmt"] = "2025-06-01", ["akhir_kontrak"] = "2026-05-31",
            ["gaji_pokok"] = 3203600, ["jadwal_penyerahan"] = "2025-05-26T08:00:00+08:00", ["tempat_penyerahan"] = "Pendopo Bupati",
        });
        Assert.Equal("SK Pengangkatan PPPK Nomor 800/123/BKPSDM/2025 telah terbit", r.Subject);
        Assert.Contains("Rp 3.203.600", r.Text);
        Assert.Contains("Senin, 26 Mei 2025 pukul 08.00 WITA", r.Text);
        Assert.Contains("Minggu, 1 Juni 2025 s.d. Minggu, 31 Mei 2026", r.Html);
    }

    [Fact]
    public void A_missing_variable_is_an_error_naming_it_not_a_blank()
    {
        var e = Assert.Throws<TemplateRenderException>(() => Shipped().Render("pengingat-drh", new JsonObject { ["nama"] = "Budi" }));
        Assert.Contains("batas_drh", e.Message);
        Assert.Contains("nomor_peserta", e.Message);
    }

    [Fact]
    public void Optional_variables_may_be_missing()
    {
        var r = Shipped().Render("pengingat-tugas", new JsonObject { ["nama_tugas"] = "Verifikasi berkas", ["proses"] = "Seleksi PPPK" });
        Assert.Equal("Pengingat tugas: Verifikasi berkas", r.Subject);
        Assert.DoesNotContain("Batas waktu", r.Text);
    }

    [Fact]
    public void Unknown_template_bad_syntax_unknown_filter_and_unreadable_dates_are_errors()
    {
        var templates = Shipped();
        Assert.Contains("No email template 'tidak-ada'", Assert.Throws<TemplateRenderException>(() => templates.Render("tidak-ada", [])).Message);
        var syntax = templates.Add("rusak", "Subjek {{ nama ", "<p></p>", "x");
        Assert.Contains("rusak.subject.liquid", Assert.Single(syntax).Message);
        // An unknown filter is a start-up error, as in the editor.
        Assert.Contains("tidak_ada", Assert.Single(templates.Add("filter", "S {{ nama | tidak_ada }}", "h", "t")).Message);
        Assert.False(templates.Exists("filter"));
        Assert.Empty(templates.Add("tgl", "S {{ d | tanggal }}", "h", "t"));
        Assert.Contains("cannot read 'besok'", Assert.Throws<TemplateRenderException>(() => templates.Render("tgl", new JsonObject { ["d"] = "besok" })).Message);
        Assert.Empty(templates.Add("rp", "S {{ x | rupiah }}", "h", "t"));
        Assert.Contains("rupiah", Assert.Throws<TemplateRenderException>(() => templates.Render("rp", new JsonObject { ["x"] = "banyak" })).Message);
    }

    [Fact]
    public void A_folder_with_a_missing_part_or_bad_syntax_reports_each_template()
    {
        var dir = Directory.CreateTempSubdirectory("tpl").FullName;
        File.WriteAllText(Path.Combine(dir, "a.subject.liquid"), "A");
        File.WriteAllText(Path.Combine(dir, "a.html.liquid"), "A");
        File.WriteAllText(Path.Combine(dir, "b.subject.liquid"), "{% if %}");
        File.WriteAllText(Path.Combine(dir, "b.html.liquid"), "B");
        File.WriteAllText(Path.Combine(dir, "b.txt.liquid"), "B");
        var problems = Create().LoadDirectory(dir);
        Assert.Equal(2, problems.Count);
        Assert.Contains("a.txt.liquid", problems[0].Message);
        Assert.Contains("b.subject.liquid", problems[1].Message);
    }

    [Fact]
    public void Deployment_validation_names_email_tasks_with_an_unknown_template_or_no_recipient()
    {
        var xml = Bpmn.Chain("v", Bpmn.EmailTask("ok", 3, ("template", "pengingat-drh"), ("to", "=email")),
            Bpmn.EmailTask("unknown", 3, ("template", "tidak-ada"), ("to", "a@b.id")),
            Bpmn.EmailTask("no_to", 3, ("template", "pengingat-drh")),
            Bpmn.EmailTask("bad_feel", 3, ("template", "pengingat-drh"), ("to", "=[email,")));
        var problems = new EmailTaskValidator(Shipped()).Validate(BpmnParser.Parse(xml));
        Assert.Equal(["bad_feel", "no_to", "unknown"], problems.Select(p => p.ElementId).Order());
        Assert.Contains("tidak-ada", problems.Single(p => p.ElementId == "unknown").Message);
    }
}
