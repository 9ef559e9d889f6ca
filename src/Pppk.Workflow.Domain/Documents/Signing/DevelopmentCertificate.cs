using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pppk.Workflow.Domain.Documents.Signing;

/// <summary>
/// The signing certificate when none is configured: a self-signed one made on first start and kept in a PFX file, so
/// development and tests can sign. Its name says it is not for production; no reader trusts it.
/// </summary>
public static class DevelopmentCertificate
{
    public const string SubjectName = "CN=Pppk.Workflow DEVELOPMENT CERTIFICATE - NOT FOR PRODUCTION, O=BKPSDM (development only), C=ID";

    public static X509Certificate2 LoadOrCreate(string path, TimeProvider clock)
    {
        if (File.Exists(path)) return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet);
        var certificate = Create(clock);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return certificate;
    }

    public static X509Certificate2 Create(TimeProvider clock)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        var now = clock.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        // Through PFX bytes, so the private key is usable for signing on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
