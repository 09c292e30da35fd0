using Microsoft.AspNetCore.Http;

namespace Directives.Server.Tenancy;

/// <summary>
/// What a call says about its province outside the request message: <c>x-province</c> metadata entries
/// (<c>hung-yen</c> or <c>provinces/hung-yen</c>) and the first label of the <c>:authority</c> host
/// (<c>hung-yen.directives.gov.vn</c>). Hints never choose a provincial caller's province; where present they must agree with it.
/// </summary>
/// <param name="Metadata">Every <c>x-province</c> value, without a <c>provinces/</c> prefix.</param>
/// <param name="HostLabel">The host's first label when the host has more than one; whether it names a province is for the registry to say.</param>
internal sealed record ProvinceHints(IReadOnlyList<string> Metadata, string? HostLabel)
{
    public const string MetadataKey = "x-province";

    public static ProvinceHints From(HttpRequest request)
    {
        var values = request.Headers[MetadataKey];
        var metadata = new List<string>(values.Count);
        foreach (var value in values)
        {
            // Every entry counts, also repeated or comma-joined ones, so a second entry cannot hide behind the first.
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                metadata.Add(part.StartsWith(ProvinceNames.Prefix, StringComparison.Ordinal) ? part[ProvinceNames.Prefix.Length..] : part);
            }
        }

        var host = request.Host.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        var label = dot > 0 && !System.Net.IPAddress.TryParse(host, out _) ? host[..dot].ToLowerInvariant() : null;
        return new ProvinceHints(metadata, label);
    }
}
