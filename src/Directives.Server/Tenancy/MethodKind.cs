namespace Directives.Server.Tenancy;

/// <summary>Whether a method changes data, told from its name once at startup (<see cref="MethodKinds"/>).</summary>
internal enum MethodKind
{
    Read,
    Mutation,
}
