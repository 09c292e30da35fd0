namespace Directives.Server.Api;

/// <summary>Keys that sign page tokens (configuration section <c>Api:PageTokens</c>).</summary>
internal sealed class PageTokenOptions
{
    public const string SectionName = "Api:PageTokens";

    /// <summary>
    /// The HMAC-SHA256 key tokens are signed with, base64, at least 32 bytes; the same on every replica.
    /// When unset, a random key is made at startup: tokens then only work on the replica that issued
    /// them and until it restarts (fine for the embedded default, not for several replicas).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Earlier keys, base64, still accepted when reading tokens, so a key can be rotated without failing open pages.</summary>
    public IList<string> PreviousSigningKeys { get; } = [];
}
