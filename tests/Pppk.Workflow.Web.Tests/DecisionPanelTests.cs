using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 20: the instance viewer shows why a business rule task decided what it did — the decision and its version, the
/// rule that matched with its annotation, and the inputs as people read them (rupiah, dates, Ya/Tidak) — and the
/// timeline entry of the task links to it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionPanelTests(BrowserHost host)
{
    private const string Dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="drg_uji_rekomendasi" name="Rekomendasi perpanjangan" namespace="urn:uji:rekomendasi">
          <inputData id="d_predikat" name="nilaiPredikat"><variable name="nilaiPredikat" typeRef="number"/></inputData>
          <inputData id="d_butuh" name="unitMembutuhkan"><variable name="unitMembutuhkan" typeRef="boolean"/></inputData>
          <inputData id="d_gaji" name="gajiPokok"><variable name="gajiPokok" typeRef="number"/></inputData>
          <inputData id="d_akhir" name="akhirKontrak"><variable name="akhirKontrak" typeRef="date"/></inputData>
          <decision id="uji-rekomendasi" name="Rekomendasi perpanjangan">
            <informationRequirement><requiredInput href="#d_predikat"/></informationRequirement>
            <informationRequirement><requiredInput href="#d_butuh"/></informationRequirement>
            <informationRequirement><requiredInput href="#d_gaji"/></informationRequirement>
            <informationRequirement><requiredInput href="#d_akhir"/></informationRequirement>
            <decisionTable id="tabel" hitPolicy="FIRST">
              <input id="i_predikat" label="Nilai predikat"><inputExpression typeRef="number"><text>nilaiPredikat</text></inputExpression></input>
              <input id="i_butuh" label="Unit masih membutuhkan"><inputExpression typeRef="boolean"><text>unitMembutuhkan</text></inputExpression></input>
              <input id="i_gaji" label="Gaji pokok"><inputExpression typeRef="number"><text>gajiPokok</text></inputExpression></input>
              <input id="i_akhir" label="Akhir kontrak"><inputExpression typeRef="date"><text>akhirKontrak</text></inputExpression></input>
              <output id="o_rek" name="rekomendasi" typeRef="string"/>
              <rule id="tidak_dibutuhkan"><description>Unit tidak lagi membutuhkan formasi ini</description><inputEntry><text>-</text></inputEntry><inputEntry><text>false</text></inputEntry><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"tidak diperpanjang"</text></outputEntry></rule>
              <rule id="baik"><description>Predikat baik, unit masih membutuhkan, gaji dalam pagu</description><inputEntry><text>&gt;= 80</text></inputEntry><inputEntry><text>true</text></inputEntry><inputEntry><text>&lt;= 6000000</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"diperpanjang"</text></outputEntry></rule>
              <rule id="tinjau"><description>Perlu ditinjau kepala BKPSDM</description><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"ditinjau"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """;

    private const string Bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          id="defs_uji_keputusan" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="uji-keputusan" name="Uji rekomendasi perpanjangan" isExecutable="true">
            <bpmn:startEvent id="Mulai" name="Mulai"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:businessRuleTask id="Tentukan_rekomendasi" name="Tentukan rekomendasi">
              <bpmn:extensionElements><zeebe:calledDecision decisionId="uji-rekomendasi" resultVariable="rekomendasi"/></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:businessRuleTask>
            <bpmn:userTask id="Putusan_PPK" name="Putusan PPK">
              <bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="ppk"/></bpmn:extensionElements>
              <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:endEvent id="Selesai" name="Selesai"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="Tentukan_rekomendasi"/>
            <bpmn:sequenceFlow id="F2" sourceRef="Tentukan_rekomendasi" targetRef="Putusan_PPK"/>
            <bpmn:sequenceFlow id="F3" sourceRef="Putusan_PPK" targetRef="Selesai"/>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="uji-keputusan">
            <bpmndi:BPMNShape id="s1" bpmnElement="Mulai"><dc:Bounds x="152" y="102" width="36" height="36"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s2" bpmnElement="Tentukan_rekomendasi"><dc:Bounds x="240" y="80" width="100" height="80"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s3" bpmnElement="Putusan_PPK"><dc:Bounds x="400" y="80" width="100" height="80"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s4" bpmnElement="Selesai"><dc:Bounds x="562" y="102" width="36" height="36"/></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="e1" bpmnElement="F1"><di:waypoint x="188" y="120"/><di:waypoint x="240" y="120"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e2" bpmnElement="F2"><di:waypoint x="340" y="120"/><di:waypoint x="400" y="120"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e3" bpmnElement="F3"><di:waypoint x="500" y="120"/><di:waypoint x="562" y="120"/></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920");
        await page.SetViewportSizeAsync(1366, 768);
    }

    [Fact]
    public async Task The_viewer_shows_the_decision_its_matched_rule_and_the_inputs_as_people_read_them()
    {
        using var api = host.Client();
        using (var deploy = new MultipartFormDataContent())
        {
            deploy.Add(new StringContent(Dmn, Encoding.UTF8, "application/xml"), "files", "uji-rekomendasi.dmn");
            deploy.Add(new StringContent(Bpmn, Encoding.UTF8, "application/xml"), "files", "uji-keputusan.bpmn");
            var deployed = await api.PostAsync("/api/definitions", deploy);
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        }
        var started = await (await api.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "uji-keputusan", businessKey = "PK-2026-0417",
            variables = new { nilaiPredikat = 87, unitMembutuhkan = true, gajiPokok = 4_500_000, akhirKontrak = "2027-03-31" },
        })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("diperpanjang", (string?)started!["variables"]!["rekomendasi"]);

        var page = await host.SignedInPageAsync(path: $"/instans/{started["id"]}");
        var panel = page.GetByTestId("decision-panel");
        await Assertions.Expect(panel).ToContainTextAsync("Keputusan: Rekomendasi perpanjangan v1");
        await Assertions.Expect(panel.GetByTestId("decision-rule")).ToHaveTextAsync("aturan 2 cocok: Predikat baik, unit masih membutuhkan, gaji dalam pagu");
        await Assertions.Expect(panel).ToContainTextAsync("rekomendasi: diperpanjang");
        await Assertions.Expect(panel).ToContainTextAsync("Gaji pokok: Rp 4.500.000");
        await Assertions.Expect(panel).ToContainTextAsync("Unit masih membutuhkan: Ya");
        await Assertions.Expect(panel).ToContainTextAsync("Akhir kontrak: 31 Mar 2027");
        await Assertions.Expect(panel).ToContainTextAsync("Tentukan rekomendasi");
        await Assertions.Expect(panel).Not.ToContainTextAsync("{");
        await ScreenshotsAsync(page, "decision-panel");

        var link = page.GetByTestId("timeline").GetByTestId("decision-link");
        await Assertions.Expect(link).ToHaveTextAsync("Lihat keputusan");
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("#keputusan-Tentukan_rekomendasi")).ToBeInViewportAsync(new() { Ratio = 1 });
        await BrowserHost.ScreenshotAsync(page, "decision-panel-linked-1366");
        await host.CloseAsync(page);
    }
}
