using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pppk.Workflow.Domain.Documents.Signing;

/// <summary>The signer the domain registers: the configured certificate, or the development one with a warning.</summary>
internal static class SignerSetup
{
    public static IDocumentSigner Create(IOptions<DocumentsOptions> options, TimeProvider clock, ILogger<LocalCertificateSigner> logger)
    {
        var o = options.Value;
        if (o.SigningCertificatePath.Length > 0)
            return new LocalCertificateSigner(X509CertificateLoader.LoadPkcs12FromFile(o.SigningCertificatePath, o.SigningCertificatePassword, X509KeyStorageFlags.EphemeralKeySet), clock);
        logger.LogWarning("Documents are signed with a DEVELOPMENT certificate ({Path}), not for production: set Documents:SigningCertificatePath", o.DevelopmentCertificatePath);
        return new LocalCertificateSigner(DevelopmentCertificate.LoadOrCreate(o.DevelopmentCertificatePath, clock), clock);
    }
}
