namespace Directives.Server.Auth;

/// <summary>One client certificate and the caller it stands for, with the same claims a token carries.</summary>
internal sealed class ClientCertificateMapping
{
    /// <summary>The certificate's SHA-256 (64 hex digits) or SHA-1 (40) thumbprint; case, spaces and colons are ignored.</summary>
    public string Thumbprint { get; set; } = "";

    /// <summary>The caller's subject; defaults to <c>cert:{thumbprint}</c>.</summary>
    public string? Subject { get; set; }

    public string? Province { get; set; }

    public string? Agency { get; set; }

    public List<string> Roles { get; set; } = [];
}
