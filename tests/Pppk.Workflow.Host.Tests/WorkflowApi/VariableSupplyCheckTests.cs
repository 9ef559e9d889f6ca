using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>
/// Deploy-time warnings that match run time: an email template's variable, or a handler's required input, that nothing
/// in the process provides is named at validation, before it becomes an incident.
/// </summary>
public sealed class VariableSupplyCheckTests(TestHost host) : IClassFixture<TestHost>
{
    private const string EmailVariable = "email-variable-not-provided";
    private const string JobInput = "job-input-not-provided";

    [Fact]
    public async Task An_email_template_variable_provided_nowhere_is_a_warning_naming_it_in_Indonesian()
    {
        var body = await ValidateAsync(Chain("cek_pengingat", EmailTask("kirim_pengingat", 1, ("template", "pengingat-tugas"), ("to", "a@contoh.id"))), "id");
        Assert.True((bool)body["valid"]!, body.ToJsonString());
        var named = Codes(body, EmailVariable).Select(w => (string)w["message"]!).ToList();
        Assert.Contains(named, m => m.StartsWith("Templat email 'pengingat-tugas' memakai data 'nama_tugas'", StringComparison.Ordinal));
        Assert.Contains(named, m => m.Contains("'proses'"));
        // Optional ones (batas, terlambat, kunci_bisnis) and the globals (tautan_inbox) are not asked for.
        Assert.Equal(2, named.Count);
    }

    [Fact]
    public async Task Input_mappings_start_variables_and_earlier_results_provide_the_variables()
    {
        var inputs = """<zeebe:ioMapping><zeebe:input source="=&quot;Verifikasi&quot;" target="nama_tugas"/></zeebe:ioMapping>""";
        var email = EmailTask("kirim_pengingat", 1, ("template", "pengingat-tugas"), ("to", "a@contoh.id")).Replace("</zeebe:taskHeaders>", "</zeebe:taskHeaders>" + inputs);
        // proses: a start variable; employeeId of the SK number: the result of pppk.create-employee before it.
        var xml = WithProperties(Chain("cek_lengkap", ServiceTask("pegawai", "pppk.create-employee"), ServiceTask("nomor", "pppk.sk-number"), email),
            ("start.proses", "text, required: Proses"), ("start.registrationNumber", "text, required: Nomor peserta"));
        var body = await ValidateAsync(xml);
        Assert.True((bool)body["valid"]!, body.ToJsonString());
        Assert.Empty(Codes(body, EmailVariable));
        Assert.Empty(Codes(body, JobInput));
    }

    [Fact]
    public async Task A_required_input_of_a_handler_provided_nowhere_is_a_warning_naming_it()
    {
        var body = await ValidateAsync(Chain("cek_nomor_sk", ServiceTask("nomor", "pppk.sk-number")));
        Assert.True((bool)body["valid"]!, body.ToJsonString());
        var warning = Assert.Single(Codes(body, JobInput));
        Assert.Equal("nomor", (string)warning["elementId"]!);
        Assert.Contains("'employeeId'", (string)warning["message"]!);
    }

    [Fact]
    public async Task An_input_that_only_passes_on_a_variable_provided_nowhere_is_still_a_warning()
    {
        var task = ServiceTask("nomor", "pppk.sk-number", extra: """<zeebe:ioMapping><zeebe:input source="=pegawai.id" target="employeeId"/></zeebe:ioMapping>""");
        var body = await ValidateAsync(Chain("cek_teruskan", task));
        Assert.Contains("'employeeId'", (string)Assert.Single(Codes(body, JobInput))["message"]!);
        var literal = ServiceTask("nomor", "pppk.sk-number", extra: """<zeebe:ioMapping><zeebe:input source="=42" target="employeeId"/></zeebe:ioMapping>""");
        Assert.Empty(Codes(await ValidateAsync(Chain("cek_nilai", literal)), JobInput));
    }

    [Fact]
    public async Task A_form_field_provides_the_input()
    {
        var task = UserTask("isi", "Isi data", extra: """<zeebe:formDefinition formId="cek-isi-pegawai"/>""");
        var form = """{"id":"cek-isi-pegawai","type":"default","components":[{"type":"number","key":"employeeId","label":"Pegawai"}]}""";
        var body = await ValidateAsync(Chain("cek_form", task, ServiceTask("nomor", "pppk.sk-number")), form: ("cek-isi-pegawai.form", form));
        Assert.Empty(Codes(body, JobInput));
    }

    [Fact]
    public async Task The_pppk_workflows_validate_together_without_errors_or_unprovided_variables()
    {
        var dir = WorkflowsDirectory();
        var files = Directory.GetFiles(dir, "*.bpmn").Concat(Directory.GetFiles(Path.Combine(dir, "forms"), "*.form")).Order().ToList();
        using var content = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", Path.GetFileName(file));
        }
        using var client = host.Client();
        var body = (await (await client.PostAsync("/api/definitions/validate", content)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)body["valid"]!, body.ToJsonString());
        var gaps = Codes(body, EmailVariable).Concat(Codes(body, JobInput)).Select(w => $"{w["file"]} {w["elementId"]}: {w["message"]}").ToList();
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    private static IEnumerable<JsonObject> Codes(JsonObject body, string code) =>
        body["warnings"]!.AsArray().OfType<JsonObject>().Where(w => (string?)w["code"] == code);

    private async Task<JsonObject> ValidateAsync(string xml, string? language = null, (string Name, string Json)? form = null)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/validate");
        if (form is { } f)
        {
            var multipart = new MultipartFormDataContent
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes(xml)), "files", "proses.bpmn" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(f.Json)), "files", f.Name },
            };
            request.Content = multipart;
        }
        else
        {
            request.Content = new StringContent(xml, Encoding.UTF8, "application/xml");
        }
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return (await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string WorkflowsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln"))) return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("Repository root not found.");
    }
}
