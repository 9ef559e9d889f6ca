using Pppk.Workflow.Host.Auth;

namespace Pppk.Workflow.Host.Tests;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/tugas")]
    [InlineData("/tugas?unit=DISDIKBUD&page=2")]
    [InlineData("/desainer/pppk.seleksi-administrasi")]
    [InlineData("/instans/0b6c1f7e-4b7a-4a3c-9f55-3f0e6a1d2c11")]
    [InlineData("/pelamar/REG%2F2026%2F001")]
    [InlineData("/%09/evil.example")]
    public void Local_paths_are_followed(string url) => Assert.True(LocalUrl.IsLocalPath(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tugas")]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\/evil.example")]
    [InlineData("/tugas\\..\\evil")]
    [InlineData("/\t/evil.example/landing")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("\t//evil.example")]
    [InlineData("//evil.example\t")]
    [InlineData("/\u0000/evil.example")]
    [InlineData("/\u007f/evil.example")]
    [InlineData("/\u00a0/evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("/\u200b/evil.example")]
    [InlineData("/\ufeff/evil.example")]
    [InlineData("/\uff0f/evil.example")]
    [InlineData("http://evil.example")]
    [InlineData("https:/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/javascript:alert(1)\n")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void Anything_else_is_not(string? url) => Assert.False(LocalUrl.IsLocalPath(url));

    [Fact]
    public void Overlong_paths_are_not_followed()
    {
        Assert.True(LocalUrl.IsLocalPath("/" + new string('a', LocalUrl.MaxLength - 1)));
        Assert.False(LocalUrl.IsLocalPath("/" + new string('a', LocalUrl.MaxLength)));
    }
}
