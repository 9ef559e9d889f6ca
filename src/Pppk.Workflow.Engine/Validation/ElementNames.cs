using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Validation;

/// <summary>How messages name elements, event kinds and expression sites: the BPMN terms in English, the designer's terms in Indonesian.</summary>
internal static class ElementNames
{
    private static readonly Dictionary<ElementType, string> Types = new()
    {
        [ElementType.StartEvent] = "peristiwa mulai",
        [ElementType.EndEvent] = "peristiwa akhir",
        [ElementType.IntermediateCatchEvent] = "peristiwa antara (tangkap)",
        [ElementType.IntermediateThrowEvent] = "peristiwa antara (lempar)",
        [ElementType.BoundaryEvent] = "peristiwa batas",
        [ElementType.Task] = "tugas",
        [ElementType.UserTask] = "tugas pengguna",
        [ElementType.ServiceTask] = "tugas layanan",
        [ElementType.SendTask] = "tugas kirim",
        [ElementType.ReceiveTask] = "tugas terima",
        [ElementType.ScriptTask] = "tugas skrip",
        [ElementType.BusinessRuleTask] = "tugas aturan bisnis",
        [ElementType.ManualTask] = "tugas manual",
        [ElementType.CallActivity] = "aktivitas panggil",
        [ElementType.SubProcess] = "subproses",
        [ElementType.ExclusiveGateway] = "gerbang eksklusif",
        [ElementType.ParallelGateway] = "gerbang paralel",
        [ElementType.EventBasedGateway] = "gerbang berbasis peristiwa",
        [ElementType.InclusiveGateway] = "gerbang inklusif",
        [ElementType.ComplexGateway] = "gerbang kompleks",
    };

    private static readonly Dictionary<EventKind, string> Kinds = new()
    {
        [EventKind.Timer] = "pewaktu",
        [EventKind.Message] = "pesan",
        [EventKind.Error] = "galat",
        [EventKind.Terminate] = "penghentian",
        [EventKind.Signal] = "sinyal",
        [EventKind.Escalation] = "eskalasi",
        [EventKind.Compensate] = "kompensasi",
        [EventKind.Conditional] = "kondisional",
        [EventKind.Link] = "tautan",
        [EventKind.Cancel] = "pembatalan",
    };

    private static readonly Dictionary<string, string> Sites = new(StringComparer.Ordinal)
    {
        ["condition"] = "kondisi",
        ["timer"] = "pewaktu",
        ["message name"] = "nama pesan",
        ["correlation key"] = "kunci korelasi",
        ["signal name"] = "nama sinyal",
        ["assignee"] = "penerima tugas",
        ["candidate groups"] = "grup kandidat",
        ["candidate users"] = "pengguna kandidat",
        ["due date"] = "tenggat",
        ["follow-up date"] = "tanggal tindak lanjut",
        ["form id"] = "id formulir",
        ["job type"] = "jenis langkah otomatis",
        ["retries"] = "jumlah percobaan ulang",
        ["script"] = "skrip",
        ["called process id"] = "id proses yang dipanggil",
        ["called decision id"] = "id keputusan yang dipanggil",
        ["case unit"] = "unit kasus (caseUnit)",
        ["case subject"] = "subjek kasus (caseSubject)",
        ["case title (caseTitle)"] = "judul kasus (caseTitle)",
        ["case search (caseSearch)"] = "kunci pencarian kasus (caseSearch)",
        ["priority"] = "prioritas",
        ["listener type"] = "jenis pendengar",
        ["listener retries"] = "jumlah percobaan ulang pendengar",
    };

    /// <summary>"userTask 'Review'" in English (as logs always said), "tugas pengguna 'Review'" in Indonesian.</summary>
    public static Term Of(FlowNode node) => new(node.ToString(), $"{Types.GetValueOrDefault(node.ElementType, node.Type)} '{node.Id}'");

    public static Term Of(EventKind? kind) => new($"{kind}", kind is { } k ? Kinds[k] : "");

    /// <summary>An expression site of <see cref="Expressions.ExpressionSites"/>; names of zeebe attributes stay as they are.</summary>
    public static Term Site(string what)
    {
        if (Sites.TryGetValue(what, out var indonesian))
            return new(what, indonesian);
        if (what.StartsWith("input mapping ", StringComparison.Ordinal))
            return new(what, "pemetaan masukan " + what["input mapping ".Length..]);
        if (what.StartsWith("output mapping ", StringComparison.Ordinal))
            return new(what, "pemetaan keluaran " + what["output mapping ".Length..]);
        return new(what, what);
    }
}
