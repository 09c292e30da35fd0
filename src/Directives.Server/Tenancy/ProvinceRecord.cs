using System.Collections.Immutable;
using System.Globalization;

namespace Directives.Server.Tenancy;

/// <summary>A province's registry entry: the tenant and where its data lives.</summary>
internal sealed record ProvinceRecord
{
    /// <summary>The IANA zone of every current province.</summary>
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>The id, <c>hung-yen</c>; never changes.</summary>
    public required string Id { get; init; }

    /// <summary>The Vietnamese name, "Hưng Yên".</summary>
    public required string DisplayName { get; init; }

    public ProvinceState State { get; init; } = ProvinceState.Active;

    /// <summary>Ids of the provinces merged into this one, in id order. Each names this one as its <see cref="Successor"/>.</summary>
    public ImmutableArray<string> Predecessors { get; init; } = [];

    /// <summary>Id of the province this one was merged into.</summary>
    public string? Successor { get; init; }

    /// <summary>The first day this province is part of <see cref="Successor"/>.</summary>
    public DateOnly? SuccessionDate { get; init; }

    public string TimeZone { get; init; } = DefaultTimeZone;

    /// <summary>The name of the connection string of the province's database; null for the server's default storage.</summary>
    public string? StorageLocation { get; init; }

    /// <summary>Incremented by every change; 1 for a new entry. The etag is derived from it.</summary>
    public long Version { get; init; } = 1;

    public DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>The <c>request_id</c> of the CreateProvince call that registered it, so a retry returns it instead of failing.</summary>
    public string? CreateRequestId { get; init; }

    public string Etag => Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>This entry as the next version, changed at <paramref name="now"/>.</summary>
    public ProvinceRecord NextVersion(DateTimeOffset now) => this with { Version = Version + 1, UpdateTime = now };
}
