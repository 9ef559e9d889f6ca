using Pppk.Workflow.Notifications.Templates;
using Pppk.Workflow.Notifications.Tests.Support;

namespace Pppk.Workflow.Notifications.Tests.Templates;

/// <summary>What a template needs from its task, read from its parsed parts (for the deploy-time warning).</summary>
public sealed class TemplateVariablesTests
{
    private static EmailTemplates Create() => new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"), TimeProvider.System,
        new Dictionary<string, object?> { ["tautan_inbox"] = "https://pppk.example/" });

    [Fact]
    public void Every_branch_and_part_counts_less_optional_own_and_global_names()
    {
        var templates = Create();
        Assert.Empty(templates.Add("t", "Hasil {{ nama }}",
            "{% assign judul = 'x' %}{{ judul }} {{ pelamar.email }} {% for r in daftar %}{{ r.nama }} {{ forloop.index }}{% endfor %}{% if lulus %}{{ gaji | rupiah }}{% else %}{{ alasan }}{% endif %} {{ tautan_inbox }} {{ sekarang | tanggal }}",
            "{% capture salam %}Yth. {{ gelar }}{% endcapture %}{{ salam }} {% comment %} opsional: alasan {% endcomment %}"));
        Assert.Equal(["daftar", "gaji", "gelar", "lulus", "nama", "pelamar"], templates.RequiredVariables("t").Order());
        Assert.Empty(templates.RequiredVariables("tidak-ada"));
    }

    [Fact]
    public void The_shipped_reminder_needs_only_its_task_name_and_process()
    {
        var templates = Create();
        Assert.Empty(templates.LoadDirectory(Repo.Templates));
        Assert.Equal(["nama_tugas", "proses"], templates.RequiredVariables("pengingat-tugas").Order());
    }
}
