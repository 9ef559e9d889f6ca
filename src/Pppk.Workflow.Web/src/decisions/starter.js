// A new decision file: one decision table (input "nilai", output "hasil", one rule) to start from.
const clean = (text) => text.replace(/[<&"]/g, '');

export function starterDmn(key, name) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/"
  xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="Definitions_${key}" name="${clean(name)}" namespace="http://pppk.workflow/dmn">
  <decision id="${key}" name="${clean(name)}">
    <decisionTable id="Tabel_${key}" hitPolicy="FIRST">
      <input id="Masukan_1" label="Nilai">
        <inputExpression id="Ekspresi_1" typeRef="number"><text>nilai</text></inputExpression>
      </input>
      <output id="Keluaran_1" label="Hasil" name="hasil" typeRef="string" />
      <rule id="Aturan_1">
        <description>Contoh: nilai 100 ke atas lulus</description>
        <inputEntry id="Uji_1"><text>&gt;= 100</text></inputEntry>
        <outputEntry id="Hasil_1"><text>"lulus"</text></outputEntry>
      </rule>
      <rule id="Aturan_2">
        <description>Selain itu tidak lulus</description>
        <inputEntry id="Uji_2"><text>-</text></inputEntry>
        <outputEntry id="Hasil_2"><text>"tidak lulus"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="Diagram_${key}">
      <dmndi:DMNShape id="Bentuk_${key}" dmnElementRef="${key}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>`;
}
