using System.CommandLine;

namespace Directives.Cli;

/// <summary>The options every command accepts, also after the subcommand.</summary>
internal static class GlobalOptions
{
    public const string ServerVariable = "DIRECTIVES_SERVER";
    public const string TokenVariable = "DIRECTIVES_TOKEN";
    public const string DefaultServer = "http://localhost:5000";

    public static readonly Option<string?> Server = new("--server")
    {
        Description = $"The server address [env {ServerVariable}; default {DefaultServer}].",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = $"The bearer token, for example from `directives token` [env {TokenVariable}].",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write JSON (protobuf's JSON mapping) instead of tables, for scripts.",
        Recursive = true,
    };

    public static readonly Option<string?> Province = new("--province", "-p")
    {
        Description = "The province id (hung-yen); default: the token's province.",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Add(Server);
        root.Add(Token);
        root.Add(Json);
        root.Add(Province);
    }
}
