using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Localization;

public class IncidentMessagesTests
{
    [Fact]
    public void An_incident_keeps_its_English_message_in_the_state_and_its_effect_carries_the_code_and_both_languages()
    {
        var h = Harness.For(Start() + Xor("gw") + User("a") + User("b"), "start -> gw; gw -> a [=x = 1]; gw -> b [=x = 2]").Start(new { x = 3 });
        var incident = Assert.Single(h.State.Incidents);
        var raised = Assert.Single(h.Of<IncidentRaised>()).Message;
        Assert.Equal("no-condition-true", raised.Code);
        Assert.Equal(incident.Message, raised.In(Language.English));
        Assert.Equal("No condition of the outgoing flows of 'gw' is true and it has no default flow; set the variables the conditions read and retry, or add a default flow.",
            incident.Message);
        Assert.Equal("Tidak ada kondisi pada alur keluar dari 'gw' yang bernilai benar dan tidak ada alur bawaan; isi variabel yang dibaca kondisi tersebut lalu coba lagi, atau tambahkan alur bawaan.",
            raised.In(Language.Indonesian));
    }

    [Fact]
    public void An_expression_that_fails_names_its_site_and_gives_the_reason_in_the_same_language()
    {
        var h = Harness.For(Start() + User("t", extra: "<zeebe:taskSchedule dueDate=\"=deadline\"/>") + End(), "start -> t -> end").Start(new { deadline = "next week" });
        var raised = Assert.Single(h.Of<IncidentRaised>()).Message;
        Assert.Equal("expression-failed", raised.Code);
        Assert.Equal("assignment of 't': 'next week' is not a date and time; give an ISO 8601 value like 2026-01-31T09:00:00+08:00.", raised.In(Language.English));
        Assert.Equal("Ekspresi penugasan pada 't' gagal: 'next week' bukan tanggal dan waktu; berikan nilai ISO 8601 seperti 2026-01-31T09:00:00+08:00.",
            raised.In(Language.Indonesian));
    }

    [Fact]
    public void A_FEEL_syntax_error_met_at_run_time_is_translated_with_its_tokens_and_position_kept()
    {
        var h = Harness.For(Start() + Xor("gw") + User("a") + User("b"), "start -> gw; gw -> a [=x = = 1]; gw -> b [default]").Start();
        var raised = Assert.Single(h.Of<IncidentRaised>()).Message;
        Assert.StartsWith("condition of flow 'f2_gw_a' of 'gw': FEEL syntax error in 'x = = 1': ", raised.In(Language.English));
        var indonesian = raised.In(Language.Indonesian);
        Assert.StartsWith("Ekspresi kondisi alur 'f2_gw_a' pada 'gw' gagal: Galat sintaks FEEL pada 'x = = 1': '=' tidak terduga", indonesian);
        Assert.Contains("pada baris 1, kolom", indonesian);
    }

    [Fact]
    public void A_spent_job_quotes_the_handlers_own_message_verbatim_and_the_runtimes_reason_in_the_users_language()
    {
        var h = Harness.For(Start() + Service("kirim", type: "kirim.surat") + End(), "start -> kirim -> end").Start();
        h.Handle(new JobFailed(h.Wait("kirim").Id, "SMTP down", 0));
        var handler = Assert.Single(h.Of<IncidentRaised>()).Message;
        Assert.Equal("job-retries-spent", handler.Code);
        Assert.Equal("Job 'kirim.surat' pada 'kirim' gagal dan jatah percobaan ulangnya sudah habis: SMTP down", handler.In(Language.Indonesian));

        h.Handle(new RetryIncident(Assert.Single(h.State.Incidents).Id));
        var reason = IncidentTexts.NoJobHandler.Format("kirim.surat", "email");
        h.Handle(new JobFailed(h.Wait("kirim").Id, reason.ToString(), 0, Reason: reason));
        var runtime = h.Of<IncidentRaised>().Last().Message;
        Assert.Equal(Assert.Single(h.State.Incidents).Message, runtime.In(Language.English));
        Assert.EndsWith(": Langkah otomatis 'kirim.surat' tidak ada di sistem ini (yang tersedia: email). Pilih yang tersedia di desainer, terapkan, lalu coba lagi.",
            runtime.In(Language.Indonesian));
    }
}
