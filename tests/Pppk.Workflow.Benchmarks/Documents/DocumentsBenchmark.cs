using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Domain.Documents.Signing;

namespace Pppk.Workflow.Benchmarks.Documents;

/// <summary>
/// Individual SKs generated (.docx filled, PDF laid out) and signed with the development certificate, per second, on one
/// thread and on every core; and one collective SK of 500 appointees.
/// Usage: dotnet run -c Release --project tests/Pppk.Workflow.Benchmarks -- documents [count]
/// </summary>
public sealed class DocumentsBenchmark : IBenchmark
{
    public string Name => "documents";

    public string Description => "SK documents generated and signed per second (docx + PDF + CMS signature)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 200;
        var generator = new DocumentGenerator(new DocumentPdf(Options.Create(new DocumentsOptions())));
        using var certificate = DevelopmentCertificate.Create(TimeProvider.System);
        var signer = new LocalCertificateSigner(certificate, TimeProvider.System);
        var request = new SigningRequest("Penandatangan Uji", "Penetapan SK PPPK", "Tenggarong");

        async Task<long> OneAsync(int i)
        {
            var document = generator.Generate(Facts(DocumentKind.Sk, 1, i), VerificationCodes.New());
            return (await signer.SignAsync(document.Pdf, request, cancellationToken)).Pdf.Length;
        }

        for (var i = 0; i < 20; i++) await OneAsync(i); // warm-up: JIT, fonts, templates
        var sequential = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < count; i++) bytes += await OneAsync(i);
        sequential.Stop();
        Console.WriteLine($"one thread:   {count} SKs in {sequential.Elapsed.TotalSeconds:F2} s = {count / sequential.Elapsed.TotalSeconds:F1} SK/s (signed PDF {bytes / count / 1024} KB each)");

        var parallel = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { CancellationToken = cancellationToken }, async (i, _) => await OneAsync(i));
        parallel.Stop();
        Console.WriteLine($"{Environment.ProcessorCount} cores:      {count} SKs in {parallel.Elapsed.TotalSeconds:F2} s = {count / parallel.Elapsed.TotalSeconds:F1} SK/s");

        var collective = Stopwatch.StartNew();
        var big = generator.Generate(Facts(DocumentKind.SkKolektif, 500, 0), VerificationCodes.New());
        var signedBig = await signer.SignAsync(big.Pdf, request, cancellationToken);
        collective.Stop();
        Console.WriteLine($"collective SK of 500: {collective.Elapsed.TotalMilliseconds:F0} ms, signed PDF {signedBig.Pdf.Length / 1024} KB");
    }

    private static DocumentFacts Facts(DocumentKind kind, int appointees, int seed) => new(
        kind, $"800.1.2.2/{seed:0000}/PGK/BKPSDM/2025", new DateOnly(2025, 6, 2), $"800.1.2.2/{seed:0000}/PGK/BKPSDM/2025",
        new DateOnly(2025, 6, 2), new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 1), 12, "Tenggarong",
        new DocumentSigner("Penandatangan Uji", "Bupati Kutai Kartanegara"),
        Enumerable.Range(1, appointees).Select(i => new Appointee($"Pegawai {seed}-{i}", $"64030{seed:00000}{i:000000}", $"1990{i:00000000000000}",
            "Guru Ahli Pertama", "SD Negeri 001 Tenggarong", "IX", 3_000_000m + i * 1_000m)).ToList());
}
