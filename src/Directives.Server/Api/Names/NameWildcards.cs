namespace Directives.Server.Api;

/// <summary>Where a name may use the AIP-159 wildcard <c>-</c> ("every"), as each List method's parent says.</summary>
internal enum NameWildcards
{
    /// <summary>Every ID names one resource.</summary>
    None,

    /// <summary>
    /// IDs below the province may be <c>-</c> (<c>provinces/p/directives/-</c>); once one is, every
    /// later one must be too.
    /// </summary>
    WithinProvince,

    /// <summary>As <see cref="WithinProvince"/>, and the province may be <c>-</c> too (<c>provinces/-/directives/-</c>).</summary>
    AcrossProvinces,
}
