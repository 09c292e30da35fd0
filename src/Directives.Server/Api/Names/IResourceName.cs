namespace Directives.Server.Api;

/// <summary>A parsed resource name; <see cref="object.ToString"/> formats it back.</summary>
internal interface IResourceName
{
    /// <summary>The province ID, or <c>-</c> for a cross-province name; what tenancy checks against the caller's token.</summary>
    string Province { get; }
}
