using System.Globalization;
using Microsoft.Extensions.Options;

namespace Directives.Server.Auth;

/// <summary>
/// Checks <see cref="AuthOptions"/> when the host starts (ValidateOnStart), so a misconfigured server
/// stops at once with a clear message instead of refusing every call. Above all it refuses the public
/// Development key outside the Development environment.
/// </summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var development = environment.IsDevelopment();
        if (!development && !string.IsNullOrEmpty(options.DevelopmentKey))
        {
            failures.Add(
                $"Auth:DevelopmentKey is configured but the environment is '{environment.EnvironmentName}'. The Development key is public " +
                "(it ships in appsettings.Development.json), so anyone could mint tokens: remove it and configure Auth:SigningKeys.");
        }

        if (!development && options.SigningKeys.Any(key => key.Trim() == DevelopmentTokenIssuer.DefaultKey))
        {
            failures.Add($"Auth:SigningKeys contains the public Development key but the environment is '{environment.EnvironmentName}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Auth:Issuer is required.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth:Audience is required.");
        }

        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            if (SigningKeys.TryParse(options.SigningKeys[i], out var problem) is null)
            {
                failures.Add($"Auth:SigningKeys:{i}: {problem}.");
            }
        }

        var usableDevelopmentKey = development && !string.IsNullOrEmpty(options.DevelopmentKey);
        if (usableDevelopmentKey && SigningKeys.TryParse(options.DevelopmentKey, out var developmentProblem) is null)
        {
            failures.Add($"Auth:DevelopmentKey: {developmentProblem}.");
        }

        if (options.SigningKeys.Count == 0 && !usableDevelopmentKey)
        {
            failures.Add("No key can verify tokens: configure Auth:SigningKeys (or Auth:DevelopmentKey in Development).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxClockSkew)
        {
            failures.Add("Auth:ClockSkew must be between 0 and 5 minutes.");
        }

        ValidateCertificates(options.ClientCertificates, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCertificates(ClientCertificateOptions options, List<string> failures)
    {
        for (var i = 0; i < options.Mappings.Count; i++)
        {
            var mapping = options.Mappings[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"Auth:ClientCertificates:Mappings:{i}");
            if (Thumbprints.Normalize(mapping.Thumbprint) is null)
            {
                failures.Add(path + ":Thumbprint must be a SHA-256 (64 hex digits) or SHA-1 (40) thumbprint.");
            }

            if (ClientCertificateIdentities.ToCaller(mapping, out var problem) is null)
            {
                failures.Add(path + ": " + problem + ".");
            }
        }
    }
}
