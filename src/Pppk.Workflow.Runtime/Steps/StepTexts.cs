using System.Globalization;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>What the runtime says when a step runs past its deadline (<see cref="Instances.RuntimeOptions.StepTimeout"/>), by code, in English and Indonesian.</summary>
public static class StepTexts
{
    // {2} of the engine's JobRetriesSpent: why an inline handler's job failed
    public static readonly TextTemplate HandlerOverran = new("step-deadline-handler",
        "it ran past the step deadline of {0} (Runtime:StepTimeout), so its step was rolled back; find why the handler takes so long, then retry",
        "handler melewati batas waktu langkah {0} (Runtime:StepTimeout) sehingga langkahnya dibatalkan; cari tahu mengapa handler begitu lama, lalu coba lagi");
    public static readonly TextTemplate StepOverran = new("step-deadline",
        "The step after '{0}' ran past its deadline of {1} (Runtime:StepTimeout) and was rolled back: an expression the process evaluates there does not finish. Fix the variables it reads and retry, or cancel the instance.",
        "Langkah setelah '{0}' melewati batas waktunya {1} (Runtime:StepTimeout) dan dibatalkan: ada ekspresi proses di sana yang tidak selesai. Perbaiki variabel yang dibacanya lalu coba lagi, atau batalkan instans.");
    public static readonly TextTemplate ChildStartOverran = new("step-deadline-child",
        "its first step ran past the deadline of {0} (Runtime:StepTimeout)",
        "langkah pertamanya melewati batas waktu {0} (Runtime:StepTimeout)");
    public static readonly TextTemplate CallOverran = new("step-deadline-refused",
        "The step of process '{0}' did not finish within its deadline of {1} (Runtime:StepTimeout) and was rolled back; nothing changed. An expression or a handler of the process takes too long.",
        "Langkah proses '{0}' tidak selesai dalam batas waktu {1} (Runtime:StepTimeout) dan dibatalkan; tidak ada yang berubah. Ada ekspresi atau handler pada proses itu yang terlalu lama.");
    public static readonly TextTemplate Busy = new("step-busy",
        "The step could not run within {0} (Runtime:StepTimeout): the instance is held by another step or the database is slow; nothing changed. Try again shortly.",
        "Langkah tidak dapat dijalankan dalam {0} (Runtime:StepTimeout): instans sedang dipegang langkah lain atau basis data lambat; tidak ada yang berubah. Coba lagi sebentar lagi.");

    /// <summary>A deadline as people read it: "30 s", "1.5 s".</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
