namespace Directives.Server.Auth;

/// <summary>The roles a caller can hold. Tokens carry them by the names in <see cref="RoleNames"/>.</summary>
[Flags]
internal enum CallerRoles
{
    None = 0,

    /// <summary>Reads the province's data.</summary>
    Viewer = 1 << 0,

    /// <summary>An agency officer: sees the tasks their agency leads or cooperates on and reports progress on them.</summary>
    Officer = 1 << 1,

    /// <summary>Creates and edits directives, tasks and agencies.</summary>
    Secretariat = 1 << 2,

    /// <summary>Manages committee composition and agencies.</summary>
    ProvinceAdmin = 1 << 3,

    /// <summary>The central ministry: reads every province, writes nothing. Holds no province.</summary>
    Ministry = 1 << 4,

    /// <summary>Manages the province registry only. Holds no province.</summary>
    PlatformAdmin = 1 << 5,

    /// <summary>The roles that belong to one province's staff; such callers act in their token's province.</summary>
    Provincial = Viewer | Officer | Secretariat | ProvinceAdmin,

    /// <summary>The roles that act above provinces; their tokens carry no province.</summary>
    Central = Ministry | PlatformAdmin,

    Any = Provincial | Central,
}
