using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Modification;

/// <summary>Why a modification is refused, by code, in English and Indonesian.</summary>
public static class ModificationTexts
{
    public static readonly TextTemplate Empty = new("modification-empty",
        "The modification neither activates nor terminates anything.",
        "Modifikasi tidak mengaktifkan maupun menghentikan apa pun.");
    public static readonly TextTemplate InstanceNotActive = new("modification-instance-not-active",
        "The instance is {0}; only an active instance can be modified.",
        "Instans berstatus {0}; hanya instans yang aktif yang dapat dimodifikasi.");
    public static readonly TextTemplate UnknownElement = new("modification-unknown-element",
        "The process has no element '{0}'.",
        "Proses tidak memiliki elemen '{0}'.");
    public static readonly TextTemplate ProcessItself = new("modification-process-itself",
        "'{0}' is the process itself, not an element in it; to end the whole instance, cancel it (POST /api/instances/<id>/cancel).",
        "'{0}' adalah proses itu sendiri, bukan elemen di dalamnya; untuk mengakhiri seluruh instans, batalkan instans (POST /api/instances/<id>/cancel).");
    public static readonly TextTemplate StartEvent = new("modification-start-event",
        "Element '{0}' is a start event and cannot be activated; activate the element after it.",
        "Elemen '{0}' adalah peristiwa mulai dan tidak dapat diaktifkan; aktifkan elemen sesudahnya.");
    public static readonly TextTemplate BoundaryEvent = new("modification-boundary-event",
        "Element '{0}' is a boundary event and cannot be activated; activate the element after it, or the activity it is attached to.",
        "Elemen '{0}' adalah peristiwa batas dan tidak dapat diaktifkan; aktifkan elemen sesudahnya, atau aktivitas tempatnya melekat.");
    public static readonly TextTemplate EventGatewayTarget = new("modification-event-gateway-target",
        "Element '{0}' waits after the event-based gateway '{1}' and cannot be activated alone; activate the gateway '{1}'.",
        "Elemen '{0}' menunggu sesudah gerbang berbasis peristiwa '{1}' dan tidak dapat diaktifkan sendiri; aktifkan gerbang '{1}'.");
    public static readonly TextTemplate EventSubProcess = new("modification-event-subprocess",
        "Element '{0}' is an event subprocess; activate an element inside it (the event subprocess is created with it).",
        "Elemen '{0}' adalah subproses peristiwa; aktifkan elemen di dalamnya (subproses peristiwa dibuat bersamanya).");
    public static readonly TextTemplate CompensationHandler = new("modification-compensation-handler",
        "Element '{0}' is a compensation handler; it runs only when its activity is compensated.",
        "Elemen '{0}' adalah penangan kompensasi; elemen ini hanya berjalan saat aktivitasnya dikompensasi.");
    public static readonly TextTemplate InsideMultiInstance = new("modification-inside-multi-instance",
        "Element '{0}' is inside the multi-instance '{1}'; elements inside a multi-instance body cannot be activated or terminated one by one. Activate or terminate '{1}' itself.",
        "Elemen '{0}' berada di dalam multi-instans '{1}'; elemen di dalam badan multi-instans tidak dapat diaktifkan atau dihentikan satu per satu. Aktifkan atau hentikan '{1}' itu sendiri.");
    public static readonly TextTemplate AmbiguousScope = new("modification-ambiguous-scope",
        "Element '{0}' cannot be activated: its scope '{1}' has {2} active instances and a modification cannot choose one of them.",
        "Elemen '{0}' tidak dapat diaktifkan: lingkupnya '{1}' memiliki {2} instans aktif dan modifikasi tidak dapat memilih salah satunya.");
    public static readonly TextTemplate ScopeTerminated = new("modification-scope-terminated",
        "Element '{0}' would be activated inside '{1}', which this modification terminates.",
        "Elemen '{0}' akan diaktifkan di dalam '{1}', yang justru dihentikan oleh modifikasi ini.");
    public static readonly TextTemplate NotActive = new("modification-element-not-active",
        "Element '{0}' has no active instance to terminate.",
        "Elemen '{0}' tidak memiliki instans aktif untuk dihentikan.");
    public static readonly TextTemplate NothingLeft = new("modification-nothing-left",
        "The modification would terminate every active element and activate none, leaving the instance with nothing to do; to end it, cancel the instance (POST /api/instances/<id>/cancel).",
        "Modifikasi ini akan menghentikan semua elemen aktif tanpa mengaktifkan satu pun, sehingga instans tidak punya apa pun untuk dikerjakan; untuk mengakhirinya, batalkan instans (POST /api/instances/<id>/cancel).");
    public static readonly TextTemplate ScopeNotCreated = new("modification-scope-not-created",
        "The scope '{0}' needed to activate '{1}' could not be created: {2}",
        "Lingkup '{0}' yang dibutuhkan untuk mengaktifkan '{1}' tidak dapat dibuat: {2}");
}
