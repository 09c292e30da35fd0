namespace Directives.Server.Auth;

/// <summary>The role names of the <c>roles</c> claim, as the API documents them.</summary>
internal static class RoleNames
{
    public const string Viewer = "viewer";
    public const string Officer = "officer";
    public const string Secretariat = "secretariat";
    public const string ProvinceAdmin = "province-admin";
    public const string Ministry = "ministry";
    public const string PlatformAdmin = "platform-admin";

    private static readonly (string Name, CallerRoles Role)[] All =
    [
        (Viewer, CallerRoles.Viewer),
        (Officer, CallerRoles.Officer),
        (Secretariat, CallerRoles.Secretariat),
        (ProvinceAdmin, CallerRoles.ProvinceAdmin),
        (Ministry, CallerRoles.Ministry),
        (PlatformAdmin, CallerRoles.PlatformAdmin),
    ];

    /// <summary>
    /// The roles named in <paramref name="names"/>. Unknown names are ignored, so that an identity
    /// provider can add roles of its own without locking callers out.
    /// </summary>
    public static CallerRoles Parse(IEnumerable<string> names)
    {
        var roles = CallerRoles.None;
        foreach (var name in names)
        {
            foreach (var (candidate, role) in All)
            {
                if (string.Equals(name, candidate, StringComparison.Ordinal))
                {
                    roles |= role;
                }
            }
        }

        return roles;
    }

    /// <summary>The names of <paramref name="roles"/>, in the documented order.</summary>
    public static IReadOnlyList<string> Format(CallerRoles roles)
    {
        var names = new List<string>(All.Length);
        foreach (var (name, role) in All)
        {
            if ((roles & role) != 0)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
