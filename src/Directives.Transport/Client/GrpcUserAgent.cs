using System.Reflection;

namespace Grpc.Net.Client;

/// <summary>The <c>user-agent</c> every call sends: <c>grpc-dotnet-directives/{version}</c>.</summary>
internal static class GrpcUserAgent
{
    public static readonly string Value = "grpc-dotnet-directives/" + GetVersion();

    private static string GetVersion()
    {
        var assembly = typeof(GrpcUserAgent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";

        // The SDK appends "+{commit}" to the informational version; a user agent carries the version only.
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
