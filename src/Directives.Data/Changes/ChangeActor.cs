namespace Directives.Data.Changes;

/// <summary>Who made a change, as the Server established it from the caller's token.</summary>
/// <param name="Subject">The token's subject.</param>
/// <param name="DisplayName">The person's name, when the token has one.</param>
/// <param name="Agency">The caller's agency resource name; null for callers without an agency.</param>
/// <param name="Roles">The caller's roles at the time.</param>
public sealed record ChangeActor(string Subject, string? DisplayName, string? Agency, IReadOnlyList<string> Roles);
