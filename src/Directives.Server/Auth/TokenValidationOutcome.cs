namespace Directives.Server.Auth;

/// <summary>The caller a token stands for, or why it was refused.</summary>
/// <param name="Caller">The caller; null when the token is refused.</param>
/// <param name="Failure">What the caller is told, completing "The bearer token is invalid: …"; never the details that would help forge one.</param>
internal sealed record TokenValidationOutcome(CallerIdentity? Caller, string? Failure)
{
    public const string ExpiredMessage = "it has expired.";
    public const string InvalidMessage = "it is malformed, wrongly signed, of another issuer or audience, or lacks required claims.";

    public static TokenValidationOutcome Success(CallerIdentity caller) => new(caller, null);

    public static TokenValidationOutcome Expired() => new(null, ExpiredMessage);

    public static TokenValidationOutcome Invalid() => new(null, InvalidMessage);
}
