namespace Directives.Server.Tenancy;

/// <summary>What a method's data belongs to.</summary>
internal enum MethodScope
{
    /// <summary>One province's data (or every province's, with <c>provinces/-</c>): tenant resolution applies.</summary>
    Province,

    /// <summary>The province registry, which is no tenant's data: the caller is authenticated and authorized only.</summary>
    Registry,
}
