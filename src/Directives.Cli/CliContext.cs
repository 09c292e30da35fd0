using System.CommandLine;
using Directives.Cli.Output;
using Directives.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Directives.Cli;

/// <summary>What a command needs from its parse result: the server, the caller, the province, the output.</summary>
internal sealed class CliContext
{
    private readonly ParseResult _parse;

    public CliContext(ParseResult parse)
    {
        _parse = parse;
        Terminal = new Terminal(parse.GetValue(GlobalOptions.Json));
    }

    public Terminal Terminal { get; }

    public string? Token => Normalize(_parse.GetValue(GlobalOptions.Token)) ?? Normalize(Environment.GetEnvironmentVariable(GlobalOptions.TokenVariable));

    public Uri Server
    {
        get
        {
            var text = Normalize(_parse.GetValue(GlobalOptions.Server)) ?? Normalize(Environment.GetEnvironmentVariable(GlobalOptions.ServerVariable)) ?? GlobalOptions.DefaultServer;
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new UsageException($"The server address '{text}' is not an http:// or https:// URL.");
        }
    }

    /// <summary>The value of one of the command's own options.</summary>
    public T? ParseValue<T>(Option<T> option) => _parse.GetValue(option);

    /// <summary>The value of one of the command's arguments.</summary>
    public T? ParseValue<T>(Argument<T> argument) => _parse.GetValue(argument);

    /// <summary>The province given with --province, without looking at the token.</summary>
    public string? ProvinceOrNullFromOption() => Normalize(_parse.GetValue(GlobalOptions.Province))?.Replace("provinces/", "", StringComparison.Ordinal);

    /// <summary>The province given with --province, else the token's <c>province</c> claim; null for a central caller.</summary>
    public string? ProvinceOrNull => ProvinceOrNullFromOption() ?? Claim("province");

    /// <summary>The province to act in; a usage error when there is none.</summary>
    public string Province => ProvinceOrNull ?? throw new UsageException("No province: give --province, or a token of a provincial role.");

    /// <summary>A claim of the token, read without verifying it (the server verifies).</summary>
    public string? Claim(string name)
    {
        if (Token is not { } token)
        {
            return null;
        }

        try
        {
            return new JsonWebToken(token).TryGetPayloadValue<string>(name, out var value) && value.Length > 0 ? value : null;
        }
        catch (ArgumentException)
        {
            return null; // Not a JWT: the server will say UNAUTHENTICATED.
        }
    }

    /// <summary>An SDK client for this command line's server and token, with the province as metadata.</summary>
    public DirectivesClient CreateClient(bool withProvince = true) => new(new DirectivesClientOptions
    {
        Address = Server,
        Token = Token,
        Province = withProvince ? ProvinceOrNull : null,
    });

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
