using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Validation;

/// <summary>Every BPMN validation message, by code, in English and Indonesian. Placeholders are element ids and values.</summary>
public static class ValidationTexts
{
    // The file as a whole (parser)
    public static readonly TextTemplate XmlMalformed = new("xml-malformed",
        "The file is not well-formed XML: {0}",
        "Berkas bukan XML yang tersusun benar: {0}");
    public static readonly TextTemplate DtdProhibited = new("xml-dtd-prohibited",
        "The file declares a DTD (<!DOCTYPE ...>); BPMN files need none, and DTDs are refused because their entities can expand without bound. Save the file again from the modeler.",
        "Berkas mendeklarasikan DTD (<!DOCTYPE ...>); berkas BPMN tidak memerlukannya, dan DTD ditolak karena entitasnya dapat mengembang tanpa batas. Simpan ulang berkas dari modeler.");
    public static readonly TextTemplate FileTooLarge = new("bpmn-file-too-large",
        "The file is {0} characters long; at most {1} are accepted.",
        "Berkas sepanjang {0} karakter; paling banyak {1} karakter diterima.");
    public static readonly TextTemplate TooManyElements = new("bpmn-too-many-elements",
        "The file has more than {0} XML elements; split the process into several files joined by call activities.",
        "Berkas terlalu besar (lebih dari {0} elemen); pecah alur kerja menjadi beberapa berkas yang saling memanggil (Panggil proses).");
    public static readonly TextTemplate NestedTooDeep = new("xml-nested-too-deep",
        "XML elements are nested more than {0} levels deep (line {1}); a BPMN process needs far fewer.",
        "Elemen XML bersarang lebih dari {0} tingkat (baris {1}); proses BPMN memerlukan jauh lebih sedikit.");
    public static readonly TextTemplate NotBpmnRoot = new("not-bpmn-root",
        "The root element is <{0}> in namespace '{1}'; a BPMN file starts with <bpmn:definitions xmlns:bpmn=\"{2}\">.",
        "Berkas ini bukan diagram BPMN (elemen akarnya <{0}> dalam '{1}', seharusnya diagram BPMN {2}); buka atau buat diagram di desainer lalu simpan lagi.");
    public static readonly TextTemplate ProcessWithoutId = new("process-without-id",
        "A <process> has no id; give every process an id (it is the definition key).",
        "Sebuah proses tidak memiliki ID; beri setiap proses ID (itulah kunci alur kerja).");
    public static readonly TextTemplate FlowWithoutId = new("flow-without-id",
        "A <sequenceFlow> has no id.",
        "Sebuah alur urutan tidak memiliki ID.");
    public static readonly TextTemplate ElementWithoutId = new("element-without-id",
        "A <{0}> named '{1}' has no id.",
        "Elemen {0} bernama '{1}' tidak memiliki ID.");
    public static readonly TextTemplate DuplicateId = new("duplicate-id",
        "The id '{0}' is used by more than one element; ids must be unique in a file.",
        "Id '{0}' dipakai oleh lebih dari satu elemen; id harus unik dalam satu berkas.");
    public static readonly TextTemplate NoProcess = new("no-process",
        "The file holds no <bpmn:process>; draw a process (pool) with a start event.",
        "Berkas tidak berisi proses; gambar sebuah proses dengan peristiwa mulai.");
    public static readonly TextTemplate NoExecutableProcess = new("no-executable-process",
        "No process in the file is executable; tick \"Executable\" (isExecutable=\"true\") on the process to deploy.",
        "Tidak ada proses yang dapat dijalankan dalam berkas; nyalakan \"Dapat dijalankan\" pada proses yang akan diterapkan.");
    public static readonly TextTemplate ProcessNotExecutable = new("process-not-executable",
        "Process '{0}' is not executable (isExecutable is not true); it is kept with the file but never run.",
        "Proses '{0}' tidak ditandai \"Dapat dijalankan\"; proses disimpan bersama berkas tetapi tidak pernah berjalan.");

    // Unsupported elements
    public static readonly TextTemplate ComplexGateway = new("unsupported-complex-gateway",
        "Complex gateways are not supported; use exclusive or parallel gateways.",
        "Gerbang kompleks tidak didukung; gunakan gerbang eksklusif atau paralel.");
    public static readonly TextTemplate AdHocSubProcess = new("unsupported-ad-hoc-subprocess",
        "Ad-hoc subprocesses are not supported; use an embedded subprocess with gateways.",
        "Subproses ad-hoc tidak didukung; gunakan subproses tertanam dengan gerbang.");
    public static readonly TextTemplate Transaction = new("unsupported-transaction",
        "Transactions are not supported; use an embedded subprocess with boundary error events.",
        "Transaksi tidak didukung; gunakan subproses tertanam dengan peristiwa batas galat.");
    public static readonly TextTemplate Choreography = new("unsupported-choreography",
        "Choreographies are not executable; model the participant's process instead.",
        "Koreografi tidak dapat dijalankan; modelkan proses peserta sebagai gantinya.");
    public static readonly TextTemplate CancelEvent = new("unsupported-cancel-event",
        "Cancel events are not supported (they belong to transactions); use error events.",
        "Peristiwa pembatalan tidak didukung (milik transaksi); gunakan peristiwa galat.");
    public static readonly TextTemplate DataObject = new("unsupported-data-object",
        "Data objects are not supported; keep data in process variables (zeebe:ioMapping).",
        "Objek data tidak didukung; simpan data sebagai variabel proses (Masukan/Keluaran pada langkahnya).");
    public static readonly TextTemplate DataStore = new("unsupported-data-store",
        "Data stores are not supported; read and write data in a service task handler.",
        "Penyimpanan data tidak didukung; baca dan tulis data lewat langkah otomatis.");
    public static readonly TextTemplate UnsupportedChild = new("unsupported-element",
        "<{0}> is not part of the executable subset; remove it.",
        "Elemen jenis {0} tidak dapat dijalankan sistem ini; hapus elemen itu.");

    // Structure
    public static readonly TextTemplate ProcessWithoutStart = new("process-without-start",
        "Process '{0}' has no start event; add a start event where instances begin.",
        "Proses '{0}' tidak memiliki peristiwa mulai; tambahkan peristiwa mulai di tempat kasus dimulai.");
    public static readonly TextTemplate SubProcessWithoutStart = new("subprocess-without-start",
        "Subprocess '{0}' has no start event; add a none start event inside it.",
        "Subproses '{0}' tidak memiliki peristiwa mulai; tambahkan peristiwa mulai biasa di dalamnya.");
    public static readonly TextTemplate SeveralNoneStarts = new("several-none-starts",
        "'{0}' has more than one none start event; keep one and join the others with gateways.",
        "'{0}' memiliki lebih dari satu peristiwa mulai biasa; pertahankan satu dan gabungkan yang lain dengan gerbang.");
    public static readonly TextTemplate FlowWithoutSource = new("flow-without-source",
        "Sequence flow '{0}' comes from nowhere: its sourceRef '{1}' is not an element of the process; reconnect it.",
        "Alur urutan '{0}' tidak berasal dari mana pun: sourceRef '{1}' bukan elemen proses; sambungkan ulang.");
    public static readonly TextTemplate FlowWithoutTarget = new("flow-without-target",
        "Sequence flow '{0}' leads nowhere: its targetRef '{1}' is not an element of the process; reconnect it.",
        "Alur urutan '{0}' tidak menuju ke mana pun: targetRef '{1}' bukan elemen proses; sambungkan ulang.");
    public static readonly TextTemplate FlowCrossesBorder = new("flow-crosses-subprocess",
        "Sequence flow '{0}' crosses a subprocess border; connect elements of the same (sub)process only.",
        "Alur urutan '{0}' melintasi batas subproses; sambungkan hanya elemen dalam (sub)proses yang sama.");
    public static readonly TextTemplate ConditionNotAfterGateway = new("condition-not-after-exclusive-gateway",
        "Sequence flow '{0}' has a condition but starts at {1}; conditions are only evaluated after an exclusive or inclusive gateway.",
        "Alur urutan '{0}' memiliki kondisi tetapi berawal dari {1}; kondisi hanya dievaluasi setelah gerbang eksklusif atau inklusif.");
    public static readonly TextTemplate ConditionNotFeel = new("condition-not-feel",
        "The condition of '{0}' ('{1}') is not a FEEL expression; write it with a leading '=', e.g. =approved = true.",
        "Kondisi '{0}' ('{1}') bukan ekspresi FEEL; tulis dengan awalan '=', mis. =approved = true.");
    public static readonly TextTemplate MultipleEvent = new("multiple-event-definitions",
        "{0} has several event definitions (a multiple event); use one event per element.",
        "Elemen {0} memiliki beberapa definisi peristiwa (peristiwa ganda); gunakan satu peristiwa per elemen.");
    public static readonly TextTemplate StandardLoop = new("standard-loop",
        "{0} has a standard loop marker, which is not supported; use a multi-instance marker (zeebe:loopCharacteristics) or a loop back through an exclusive gateway.",
        "Elemen {0} memakai perulangan biasa, yang tidak didukung; gunakan \"Multi-instans\" (untuk setiap butir daftar) atau alur kembali lewat gerbang eksklusif.");
    public static readonly TextTemplate NoIncoming = new("no-incoming-flow",
        "{0} has no incoming sequence flow, so no token can reach it; connect it or remove it.",
        "Tidak ada alur urutan yang masuk ke elemen {0}, jadi kasus tidak pernah sampai ke sana; sambungkan atau hapus elemen itu.");
    public static readonly TextTemplate NoOutgoing = new("no-outgoing-flow",
        "{0} has no outgoing sequence flow; a token ends there. Add an end event to make the end explicit.",
        "Tidak ada alur urutan yang keluar dari elemen {0}, jadi kasus berhenti di sana. Tambahkan peristiwa akhir agar akhirnya jelas.");
    public static readonly TextTemplate StartWithIncoming = new("start-with-incoming-flow",
        "Start event '{0}' has incoming flows; a start event cannot be entered from inside the process.",
        "Peristiwa mulai '{0}' memiliki alur masuk; peristiwa mulai tidak dapat dimasuki dari dalam proses.");
    public static readonly TextTemplate BoundaryWithIncoming = new("boundary-with-incoming-flow",
        "Boundary event '{0}' has incoming flows; remove them.",
        "Peristiwa batas '{0}' memiliki alur masuk; hapus alur itu.");
    public static readonly TextTemplate Unreachable = new("unreachable",
        "{0} cannot be reached from a start event; connect it to the flow or remove it.",
        "Elemen {0} tidak dapat dicapai dari peristiwa mulai; sambungkan ke alur atau hapus elemen itu.");

    // Events
    public static readonly TextTemplate ProcessStartKind = new("unsupported-start-event",
        "Start event '{0}' is a {1} start event; a process starts with a none, timer, message or signal start event.",
        "Peristiwa mulai '{0}' adalah peristiwa mulai {1}; proses dimulai dengan peristiwa mulai biasa, pewaktu, pesan atau sinyal.");
    public static readonly TextTemplate SubProcessStartKind = new("subprocess-start-not-none",
        "Start event '{0}' inside a subprocess must be a none start event.",
        "Peristiwa mulai '{0}' di dalam subproses harus berupa peristiwa mulai biasa.");
    public static readonly TextTemplate ErrorEndWithoutCode = new("error-end-without-code",
        "Error end event '{0}' throws no error code; reference a bpmn:error with an errorCode.",
        "Peristiwa akhir galat '{0}' tidak melempar kode galat; rujuk bpmn:error yang memiliki errorCode.");
    public static readonly TextTemplate EndKind = new("unsupported-end-event",
        "End event '{0}' is a {1} end event, which the engine does not run; use a none, terminate, error, escalation, signal, message or compensation end event.",
        "Peristiwa akhir '{0}' adalah peristiwa akhir {1}, yang tidak dijalankan mesin; gunakan peristiwa akhir biasa, penghentian, galat, eskalasi, sinyal, pesan atau kompensasi.");
    public static readonly TextTemplate ThrowKind = new("unsupported-throw-event",
        "Intermediate throw event '{0}' throws a {1} event, which the engine does not run; none (milestone), message, escalation, signal, compensation and link throw events run.",
        "Peristiwa antara (lempar) '{0}' melempar peristiwa {1}, yang tidak dijalankan mesin; peristiwa lempar biasa (tonggak), pesan, eskalasi, sinyal, kompensasi dan tautan dijalankan.");
    public static readonly TextTemplate CatchKind = new("unsupported-catch-event",
        "Intermediate catch event '{0}' must catch a timer, a message, a signal or a condition.",
        "Peristiwa antara (tangkap) '{0}' harus menangkap pewaktu, pesan, sinyal atau kondisi.");
    public static readonly TextTemplate BoundaryNotAttached = new("boundary-not-attached",
        "Boundary event '{0}' is attached to '{1}', which is not an element of the process; attach it to a task or subprocess.",
        "Peristiwa batas '{0}' menempel pada '{1}', yang bukan elemen proses; tempelkan pada tugas atau subproses.");
    public static readonly TextTemplate BoundaryOnNonActivity = new("boundary-on-non-activity",
        "Boundary event '{0}' is attached to {1}; attach boundary events to tasks, subprocesses or call activities.",
        "Peristiwa batas '{0}' menempel pada {1}; tempelkan peristiwa batas pada tugas, subproses atau aktivitas panggil.");
    public static readonly TextTemplate BoundaryKind = new("unsupported-boundary-event",
        "Boundary event '{0}' must be a timer, message, error, escalation, signal or conditional boundary event.",
        "Peristiwa batas '{0}' harus berupa peristiwa batas pewaktu, pesan, galat, eskalasi, sinyal atau kondisional.");
    public static readonly TextTemplate ErrorBoundaryNonInterrupting = new("error-boundary-non-interrupting",
        "Error boundary event '{0}' is non-interrupting; error events always interrupt.",
        "Peristiwa batas galat '{0}' tidak menyela; peristiwa galat selalu menyela.");
    public static readonly TextTemplate BoundaryWithoutOutgoing = new("boundary-without-outgoing-flow",
        "Boundary event '{0}' has no outgoing flow.",
        "Peristiwa batas '{0}' tidak memiliki alur keluar.");
    public static readonly TextTemplate TimerWithoutTime = new("timer-without-time",
        "Timer '{0}' has no time set; give a timeDate, timeDuration or timeCycle.",
        "Pewaktu '{0}' belum diberi waktu; isi timeDate, timeDuration atau timeCycle.");
    public static readonly TextTemplate TimerCycleNotAllowed = new("timer-cycle-not-allowed",
        "Timer '{0}' has a timeCycle; cycles are for timer start events and non-interrupting boundary timers. Use a timeDuration or timeDate.",
        "Pewaktu '{0}' memiliki timeCycle; siklus hanya untuk peristiwa mulai pewaktu dan pewaktu batas yang tidak menyela. Gunakan timeDuration atau timeDate.");
    public static readonly TextTemplate TimerStartDuration = new("timer-start-duration",
        "Timer start event '{0}' has a timeDuration; use a timeCycle (R/P1D or a cron expression) or a timeDate.",
        "Peristiwa mulai pewaktu '{0}' memiliki timeDuration; gunakan timeCycle (R/P1D atau ekspresi cron) atau timeDate.");
    public static readonly TextTemplate TimerDateInvalid = new("timer-date-invalid",
        "'{0}' is not an ISO 8601 date-time; write e.g. 2026-01-31T09:00:00+08:00.",
        "'{0}' bukan tanggal-waktu ISO 8601; tulis mis. 2026-01-31T09:00:00+08:00.");
    public static readonly TextTemplate TimerDurationInvalid = new("timer-duration-invalid",
        "'{0}' is not a positive ISO 8601 duration; write e.g. PT15M, P3D or P1DT12H.",
        "'{0}' bukan durasi ISO 8601 yang positif; tulis mis. PT15M, P3D atau P1DT12H.");
    public static readonly TextTemplate TimerRepeatInvalid = new("timer-repeat-invalid",
        "'{0}' is not an ISO 8601 repeating interval; write e.g. R/P1D (forever), R5/PT10M (five times) or R3/2026-01-01T08:00:00Z/P1D.",
        "'{0}' bukan interval berulang ISO 8601; tulis mis. R/P1D (selamanya), R5/PT10M (lima kali) atau R3/2026-01-01T08:00:00Z/P1D.");
    public static readonly TextTemplate TimerCycleInvalid = new("timer-cycle-invalid",
        "'{0}' is neither an ISO 8601 repeating interval (R5/PT10M) nor a cron expression (0 0 9 * * MON-FRI).",
        "'{0}' bukan interval berulang ISO 8601 (R5/PT10M) maupun ekspresi cron (0 0 9 * * MON-FRI).");
    public static readonly TextTemplate TimerUnreadable = new("timer-unreadable",
        "The timer of '{0}' cannot be read: {1}",
        "Pewaktu '{0}' tidak dapat dibaca: {1}");
    public static readonly TextTemplate NoMessage = new("message-missing",
        "{0} references no message; choose a global message (bpmn:message) with a name.",
        "Elemen {0} tidak merujuk pesan apa pun; pilih pesan global (bpmn:message) yang memiliki nama.");
    public static readonly TextTemplate UnknownMessage = new("message-unknown",
        "{0} references message '{1}', which is not defined in the file.",
        "Elemen {0} merujuk pesan '{1}', yang tidak didefinisikan dalam berkas.");
    public static readonly TextTemplate MessageWithoutName = new("message-without-name",
        "Message '{0}' used by '{1}' has no name; the name is what senders correlate on.",
        "Pesan '{0}' yang dipakai oleh '{1}' tidak memiliki nama; nama itulah yang dipakai pengirim untuk korelasi.");
    public static readonly TextTemplate MessageWithoutKey = new("message-without-correlation-key",
        "Message '{0}' used by '{1}' has no correlation key; set zeebe:subscription correlationKey (e.g. =applicationId).",
        "Pesan '{0}' pada '{1}' tidak memiliki kunci korelasi, jadi sistem tidak tahu kasus mana yang menerimanya; isi \"Kunci korelasi\" (mis. =applicationId).");

    // Activities
    public static readonly TextTemplate DecisionIdMissing = new("called-decision-without-id",
        "Business rule task '{0}' calls a DMN decision but names none; set zeebe:calledDecision decisionId.",
        "Tugas aturan bisnis '{0}' memanggil keputusan DMN tetapi belum menyebut keputusannya; isi \"ID keputusan\".");
    public static readonly TextTemplate DecisionResultVariableMissing = new("called-decision-without-result",
        "Business rule task '{0}' has no result variable; set zeebe:calledDecision resultVariable (where the decision's output goes).",
        "Tugas aturan bisnis '{0}' belum memiliki variabel hasil; isi \"Variabel hasil\" (tempat keluaran keputusan disimpan).");
    public static readonly TextTemplate ScriptWithoutScriptOrJob = new("script-without-script-or-job",
        "Script task '{0}' has neither a FEEL script (zeebe:script) nor a job type (zeebe:taskDefinition type); set one.",
        "Tugas skrip '{0}' belum berisi apa-apa; tulis ekspresi FEEL-nya atau pilih langkah otomatis yang tersedia.");
    public static readonly TextTemplate NoJobType = new("job-type-missing",
        "{0} has no job type; set zeebe:taskDefinition type to a handler registered in the host.",
        "Elemen {0} belum menyebut langkah otomatis yang dijalankan; pilih salah satu yang tersedia (tombol \"Templat…\").");
    public static readonly TextTemplate EmptyScript = new("script-empty",
        "Script task '{0}' has an empty zeebe:script expression.",
        "Ekspresi tugas skrip '{0}' kosong.");
    public static readonly TextTemplate ScriptWithoutResult = new("script-without-result-variable",
        "Script task '{0}' has no resultVariable; name the variable the script's result is stored in.",
        "Tugas skrip '{0}' tidak memiliki resultVariable; beri nama variabel tempat hasil skrip disimpan.");
    public static readonly TextTemplate UserTaskWithoutAssignment = new("user-task-without-assignment",
        "User task '{0}' has no assignee, candidate group or candidate user, so only administrators see it until one of them assigns it; set zeebe:assignmentDefinition so it reaches the right inbox.",
        "Tugas pengguna '{0}' belum ditujukan kepada siapa pun, jadi hanya administrator yang melihatnya; isi penerima tugas atau grup kandidat di bagian \"Penugasan\" agar tugas sampai ke kotak tugas yang tepat.");
    public static readonly TextTemplate CallWithoutProcess = new("call-activity-without-process",
        "Call activity '{0}' names no process; set zeebe:calledElement processId.",
        "Panggil proses '{0}' belum menyebut proses yang dipanggil; isi \"ID proses\".");
    public static readonly TextTemplate CalledProcessNotDeployed = new("called-process-not-deployed",
        "Call activity '{0}' calls process '{1}', which is not deployed yet; deploy it before this runs, or instances get an incident here.",
        "Panggil proses '{0}' memanggil proses '{1}', yang belum diterapkan; terapkan proses itu dulu, atau kasus akan tertahan di sini.");
    public static readonly TextTemplate MultiInstanceOnNonActivity = new("multi-instance-not-activity",
        "{0} has a multi-instance marker; only tasks, subprocesses and call activities can be multi-instance.",
        "Elemen {0} ditandai multi-instans; hanya tugas, subproses dan panggil proses yang dapat diulang untuk setiap butir daftar.");
    public static readonly TextTemplate MultiInstanceWithoutInput = new("multi-instance-without-input",
        "Multi-instance '{0}' has no inputCollection; set zeebe:loopCharacteristics inputCollection (e.g. =applicants).",
        "Multi-instans '{0}' belum menyebut daftar yang diulang; isi \"Koleksi masukan\" (mis. =applicants).");
    public static readonly TextTemplate MultiInstanceHalfOutput = new("multi-instance-half-output",
        "Multi-instance '{0}' sets only one of outputCollection and outputElement; set both or neither.",
        "Multi-instans '{0}' hanya mengisi salah satu dari \"Koleksi keluaran\" dan \"Elemen keluaran\"; isi keduanya atau kosongkan keduanya.");
    public static readonly TextTemplate MappingWithoutTarget = new("mapping-without-target",
        "A variable mapping of '{0}' has no target variable name.",
        "Sebuah pemetaan variabel pada '{0}' tidak memiliki nama variabel tujuan.");

    // Gateways
    public static readonly TextTemplate UnknownDefaultFlow = new("default-flow-unknown",
        "Exclusive gateway '{0}' names default flow '{1}', which is not one of its outgoing flows.",
        "Gerbang eksklusif '{0}' menyebut alur bawaan '{1}', yang bukan salah satu alur keluarnya.");
    public static readonly TextTemplate MissingCondition = new("missing-condition",
        "Sequence flow '{0}' leaves exclusive gateway '{1}' without a condition and is not its default flow; add a FEEL condition or mark it as the default.",
        "Alur urutan '{0}' keluar dari gerbang eksklusif '{1}' tanpa kondisi dan bukan alur bawaannya; tambahkan kondisi atau jadikan alur bawaan.");
    public static readonly TextTemplate ConditionIgnored = new("condition-ignored",
        "Sequence flow '{0}' leaves parallel gateway '{1}' with a condition, which is ignored; every outgoing flow is taken.",
        "Alur urutan '{0}' keluar dari gerbang paralel '{1}' dengan kondisi, yang diabaikan; setiap alur keluar selalu diambil.");
    public static readonly TextTemplate InclusiveUnknownDefaultFlow = new("inclusive-default-flow-unknown",
        "Inclusive gateway '{0}' names default flow '{1}', which is not one of its outgoing flows.",
        "Gerbang inklusif '{0}' menyebut alur bawaan '{1}', yang bukan salah satu alur keluarnya.");
    public static readonly TextTemplate InclusiveMissingCondition = new("inclusive-missing-condition",
        "Sequence flow '{0}' leaves inclusive gateway '{1}' without a condition and is not its default flow; add a FEEL condition or mark it as the default.",
        "Alur urutan '{0}' keluar dari gerbang inklusif '{1}' tanpa kondisi dan bukan alur bawaannya; tambahkan kondisi atau jadikan alur bawaan.");
    // Compensation
    public static readonly TextTemplate CompensationWithoutHandler = new("compensation-without-handler",
        "Compensation boundary event '{0}' has no compensation handler; connect it by an association to the activity that undoes its activity.",
        "Peristiwa batas kompensasi '{0}' tidak memiliki penangan kompensasi; hubungkan dengan asosiasi ke aktivitas yang membatalkan aktivitasnya.");
    public static readonly TextTemplate CompensationHandlerNotMarked = new("compensation-handler-not-marked",
        "Compensation boundary event '{0}' is associated with '{1}', which is not an activity marked for compensation (isForCompensation).",
        "Peristiwa batas kompensasi '{0}' berasosiasi dengan '{1}', yang bukan aktivitas bertanda kompensasi (isForCompensation).");
    public static readonly TextTemplate CompensationBoundaryWithFlows = new("compensation-boundary-with-flows",
        "Compensation boundary event '{0}' has an outgoing sequence flow; it leads to its handler by an association only.",
        "Peristiwa batas kompensasi '{0}' memiliki alur keluar; peristiwa ini menuju penangannya hanya lewat asosiasi.");
    public static readonly TextTemplate CompensationHandlerWithFlows = new("compensation-handler-with-flows",
        "Compensation handler '{0}' has sequence flows; a handler is started only by compensation and has no incoming or outgoing flow.",
        "Penangan kompensasi '{0}' memiliki alur urutan; penangan hanya dimulai oleh kompensasi dan tidak memiliki alur masuk atau keluar.");
    public static readonly TextTemplate CompensationActivityUnknown = new("compensation-activity-unknown",
        "Compensation event '{0}' names activity '{1}', which is not an activity with a compensation boundary event in the same (sub)process.",
        "Peristiwa kompensasi '{0}' menyebut aktivitas '{1}', yang bukan aktivitas dengan peristiwa batas kompensasi dalam (sub)proses yang sama.");
    public static readonly TextTemplate CompensationStartPlacement = new("compensation-start-placement",
        "Compensation start event '{0}' must start an interrupting event subprocess directly inside an embedded subprocess, at most one per subprocess.",
        "Peristiwa mulai kompensasi '{0}' harus memulai subproses peristiwa yang menyela, langsung di dalam subproses tertanam, paling banyak satu per subproses.");

    // Link events
    public static readonly TextTemplate LinkWithoutName = new("link-without-name",
        "Link event '{0}' has no link name; give the throw and the catch link the same name.",
        "Peristiwa tautan '{0}' tidak memiliki nama tautan; beri tautan lempar dan tangkap nama yang sama.");
    public static readonly TextTemplate LinkWithoutCatch = new("link-without-catch",
        "Link throw event '{0}' jumps to link '{1}', but no link catch event of that name is in the same (sub)process.",
        "Peristiwa tautan lempar '{0}' melompat ke tautan '{1}', tetapi tidak ada peristiwa tautan tangkap dengan nama itu dalam (sub)proses yang sama.");
    public static readonly TextTemplate LinkCatchDuplicate = new("link-catch-duplicate",
        "More than one link catch event in the same (sub)process is named '{0}'; a throw link must lead to exactly one.",
        "Lebih dari satu peristiwa tautan tangkap dalam (sub)proses yang sama bernama '{0}'; tautan lempar harus menuju tepat satu.");
    public static readonly TextTemplate LinkCatchWithIncoming = new("link-catch-with-incoming",
        "Link catch event '{0}' has an incoming sequence flow; it is entered only by its throw link.",
        "Peristiwa tautan tangkap '{0}' memiliki alur masuk; peristiwa ini hanya dimasuki lewat tautan lemparnya.");
    public static readonly TextTemplate LinkThrowWithOutgoing = new("link-throw-with-outgoing",
        "Link throw event '{0}' has an outgoing sequence flow; the token continues at its catch link instead.",
        "Peristiwa tautan lempar '{0}' memiliki alur urutan keluar; kasus berlanjut di tautan tangkapnya, bukan lewat alur itu.");
    public static readonly TextTemplate EventGatewayTooFewFlows = new("event-gateway-too-few-flows",
        "Event-based gateway '{0}' needs at least two outgoing flows to events to choose between.",
        "Gerbang berbasis peristiwa '{0}' memerlukan sedikitnya dua alur keluar menuju peristiwa yang akan dipilih.");
    public static readonly TextTemplate EventGatewayTarget = new("event-gateway-target",
        "{0} follows event-based gateway '{1}'; only timer, message and signal intermediate catch events may follow it.",
        "Elemen {0} mengikuti gerbang berbasis peristiwa '{1}'; hanya peristiwa antara tangkap pewaktu, pesan dan sinyal yang boleh mengikutinya.");

    // Expressions and extensions
    public static readonly TextTemplate DateNotIso = new("date-not-iso",
        "The {0} of '{1}' ('{2}') is not an ISO 8601 date-time; write e.g. 2026-01-31T09:00:00+08:00 or a FEEL expression.",
        "Nilai {0} pada '{1}' ('{2}') bukan tanggal-waktu ISO 8601; tulis mis. 2026-01-31T09:00:00+08:00 atau ekspresi FEEL.");
    public static readonly TextTemplate ScriptNotFeel = new("script-not-feel",
        "The script of '{0}' is not a FEEL expression; start it with '='.",
        "Skrip '{0}' bukan ekspresi FEEL; awali dengan '='.");
    public static readonly TextTemplate FeelProblem = new("feel-syntax",
        "The {0} of '{1}': {2}",
        "Nilai {0} pada '{1}': {2}");
    public static readonly TextTemplate ExtensionIgnored = new("extension-ignored",
        "zeebe:{0} on '{1}' is not supported by this engine and is ignored.",
        "Pengaturan {0} pada '{1}' tidak didukung sistem ini dan diabaikan.");
    public static readonly TextTemplate StartVariableInvalid = new("start-variable-invalid",
        "The start variable declaration 'start.{0}' = '{1}' can't be read: write 'type[, required][: label]' with a type of {2}, once per variable.",
        "Deklarasi variabel awal 'start.{0}' = '{1}' tidak dapat dibaca: tulis 'tipe[, required][: label]' dengan tipe salah satu dari {2}, sekali untuk tiap variabel.");

    public static readonly TextTemplate SummaryInvalid = new("summary-invalid",
        "The summary line 'summary.{0}' = '{1}' can't be read: write 'Label | format | =FEEL expression [| text when empty]' under a whole number, once per number.",
        "Baris ringkasan 'summary.{0}' = '{1}' tidak dapat dibaca: tulis 'Label | format | =ekspresi FEEL [| teks bila kosong]' dengan nomor bilangan bulat, sekali untuk tiap nomor.");
    public static readonly TextTemplate SummaryFormatUnknown = new("summary-format-unknown",
        "The summary line 'summary.{0}' uses the unknown format '{1}'; use one of {2}.",
        "Baris ringkasan 'summary.{0}' memakai format '{1}' yang tidak dikenal; gunakan salah satu dari {2}.");
    public static readonly TextTemplate SummaryFeel = new("summary-feel",
        "The expression of the summary line 'summary.{0}' ({1}): {2}",
        "Ekspresi baris ringkasan 'summary.{0}' ({1}): {2}");

    // Bindings to other resources (call activities, linked forms, decisions), embedded forms, task priority
    public static readonly TextTemplate BindingTypeUnknown = new("binding-type-unknown",
        "'{0}' has bindingType '{1}'; use latest, deployment or versionTag.",
        "'{0}' memiliki bindingType '{1}'; gunakan latest, deployment atau versionTag.");
    public static readonly TextTemplate BindingVersionTagMissing = new("binding-version-tag-missing",
        "'{0}' is bound by version tag (bindingType versionTag) but names no versionTag; set the tag of the version to use.",
        "'{0}' diikat dengan tag versi (bindingType versionTag) tetapi tidak menyebut versionTag; isi tag versi yang akan dipakai.");
    public static readonly TextTemplate BindingVersionTagUnused = new("binding-version-tag-unused",
        "'{0}' sets versionTag '{1}' but its bindingType is {2}, so the tag is not used; set bindingType to versionTag or remove the tag.",
        "'{0}' mengisi versionTag '{1}' tetapi bindingType-nya {2}, sehingga tag itu tidak dipakai; ubah bindingType menjadi versionTag atau hapus tag itu.");
    public static readonly TextTemplate FormBindingNeedsFixedId = new("form-binding-needs-fixed-id",
        "User task '{0}' binds its form by {1}, which needs a fixed formId, not an expression.",
        "Tugas pengguna '{0}' mengikat formulirnya dengan {1}, yang memerlukan formId tetap, bukan ekspresi.");
    public static readonly TextTemplate EmbeddedFormMissing = new("embedded-form-missing",
        "User task '{0}' links the embedded form '{1}', which the process does not contain; add it (zeebe:userTaskForm id=\"{1}\") or link a deployed form by formId.",
        "Tugas pengguna '{0}' memakai formulir tertanam '{1}', yang tidak ada dalam proses; buat formulirnya dengan tombol \"Formulir…\".");
    public static readonly TextTemplate EmbeddedFormInvalid = new("embedded-form-invalid",
        "The embedded form '{0}' is not a form-js form (a JSON object): {1}",
        "Formulir tertanam '{0}' bukan formulir form-js (objek JSON): {1}");
    public static readonly TextTemplate PriorityInvalid = new("priority-invalid",
        "The priority of user task '{0}' is '{1}'; give a whole number from 0 to 100, or a FEEL expression (=...).",
        "Prioritas tugas pengguna '{0}' adalah '{1}'; berikan bilangan bulat 0 sampai 100, atau ekspresi FEEL (=...).");

    // Execution and task listeners
    public static readonly TextTemplate ListenerEventUnknown = new("listener-event-unknown",
        "A listener of '{0}' has eventType '{1}'; execution listeners run at start or end, task listeners at creating, assigning or completing.",
        "Sebuah pendengar pada '{0}' memakai peristiwa '{1}' yang tidak dikenal; pendengar eksekusi berjalan saat mulai atau akhir, pendengar tugas saat tugas dibuat, diberikan atau diselesaikan.");
    public static readonly TextTemplate ListenerWithoutType = new("listener-without-type",
        "A {1} listener of '{0}' has no job type; set its type to a handler registered in the host.",
        "Sebuah pendengar {1} pada '{0}' belum menyebut langkah otomatis yang dijalankan; pilih salah satu yang tersedia.");
    public static readonly TextTemplate ListenerRetriesInvalid = new("listener-retries-invalid",
        "A {1} listener of '{0}' has retries '{2}'; give a whole number of 0 or more.",
        "Jumlah percobaan pendengar {1} pada '{0}' adalah '{2}'; isi bilangan bulat 0 atau lebih.");
    public static readonly TextTemplate ListenerNotHere = new("listener-not-allowed-here",
        "{0} cannot have {1} listeners: {2}",
        "Elemen {0} tidak dapat memiliki pendengar {1}: {2}");
    public static readonly TextTemplate TaskListenerEventUnsupported = new("task-listener-event-unsupported",
        "Task listeners on '{1}' of user task '{0}' are not run yet (changes to a task's data and its cancellation happen outside the process here); use creating, assigning or completing listeners, or a service task.",
        "Pendengar tugas pengguna '{0}' saat '{1}' tidak dijalankan sistem ini; gunakan pendengar saat tugas dibuat, diberikan atau diselesaikan, atau sebuah langkah otomatis.");
    // Event subprocesses, escalation and signal events (issue 16, events)
    public static readonly TextTemplate EventSubProcessFlows = new("event-subprocess-flows",
        "Event subprocess '{0}' has incoming or outgoing sequence flows; an event subprocess starts only by its start event and ends inside itself.",
        "Subproses peristiwa '{0}' memiliki alur urutan masuk atau keluar; subproses peristiwa hanya dimulai oleh peristiwa mulainya dan berakhir di dalam dirinya.");
    public static readonly TextTemplate EventSubProcessBoundary = new("event-subprocess-boundary",
        "Boundary event '{0}' is attached to event subprocess '{1}'; an event subprocess takes no boundary events.",
        "Peristiwa batas '{0}' menempel pada subproses peristiwa '{1}'; subproses peristiwa tidak dapat diberi peristiwa batas.");
    public static readonly TextTemplate EventSubProcessStartCount = new("event-subprocess-start",
        "Event subprocess '{0}' must have exactly one start event, with a timer, message, signal, conditional, error, escalation or compensation event definition.",
        "Subproses peristiwa '{0}' harus memiliki tepat satu peristiwa mulai, dengan definisi peristiwa pewaktu, pesan, sinyal, kondisional, galat, eskalasi atau kompensasi.");
    public static readonly TextTemplate EventSubProcessStartKind = new("event-subprocess-start-kind",
        "Start event '{0}' of an event subprocess is a {1} start event; use a timer, message, signal, conditional, error, escalation or compensation start event.",
        "Peristiwa mulai '{0}' pada subproses peristiwa adalah peristiwa mulai {1}; gunakan peristiwa mulai pewaktu, pesan, sinyal, kondisional, galat, eskalasi atau kompensasi.");
    public static readonly TextTemplate ErrorStartNonInterrupting = new("error-start-non-interrupting",
        "Error start event '{0}' is non-interrupting; an error event subprocess always interrupts its scope.",
        "Peristiwa mulai galat '{0}' tidak menyela; subproses peristiwa galat selalu menyela cakupannya.");
    public static readonly TextTemplate EscalationWithoutCode = new("escalation-without-code",
        "Escalation event '{0}' throws no escalation code; reference a bpmn:escalation with an escalationCode.",
        "Peristiwa eskalasi '{0}' tidak melempar kode eskalasi; rujuk bpmn:escalation yang memiliki escalationCode.");
    public static readonly TextTemplate NoSignal = new("signal-without-name",
        "{0} references no signal with a name; reference a bpmn:signal with a name.",
        "Elemen {0} tidak merujuk sinyal yang bernama; rujuk bpmn:signal yang memiliki nama.");
    public static readonly TextTemplate SignalStartNameFeel = new("signal-start-name-feel",
        "Signal start event '{0}' names its signal with an expression; a process-level signal start needs a fixed name (the broadcast looks it up before any instance exists).",
        "Peristiwa mulai sinyal '{0}' menamai sinyalnya dengan ekspresi; peristiwa mulai sinyal memerlukan nama tetap (sinyal dicari sebelum kasus mana pun ada).");
    public static readonly TextTemplate ConditionalWithoutCondition = new("conditional-without-condition",
        "Conditional event '{0}' has no condition; give it a FEEL condition, e.g. =documentsComplete = true.",
        "Peristiwa kondisional '{0}' tidak memiliki kondisi; beri kondisi FEEL, mis. =documentsComplete = true.");
}
