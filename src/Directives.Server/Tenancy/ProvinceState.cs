namespace Directives.Server.Tenancy;

/// <summary>A province's lifecycle state (the API's <c>Province.State</c>).</summary>
internal enum ProvinceState
{
    /// <summary>Reads and writes are served.</summary>
    Active = 1,

    /// <summary>
    /// Reads are served; API mutations fail with FAILED_PRECONDITION (PROVINCE_READ_ONLY). The state of a
    /// province merged into a successor. It gates callers only: the server's own seeding and migrations
    /// write below the API, so a merged province's records can still be loaded and kept.
    /// </summary>
    ReadOnly = 2,

    /// <summary>Nothing is served: its tokens are refused and cross-province reads list it as unreachable.</summary>
    Disabled = 3,
}
