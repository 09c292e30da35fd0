namespace Directives.Server.Tenancy;

/// <summary>The JSON form of the registry: the shipped seed (provinces.json) and the live registry file.</summary>
internal sealed class ProvinceRegistryDocument
{
    /// <summary>Free text for the people who edit the file; kept as it is.</summary>
    public string? About { get; set; }

    public List<ProvinceDocument> Provinces { get; set; } = [];
}

/// <summary>One province in <see cref="ProvinceRegistryDocument"/>. States are spelled as in the API (<c>READ_ONLY</c>).</summary>
internal sealed class ProvinceDocument
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string State { get; set; } = "ACTIVE";

    public List<string>? Predecessors { get; set; }

    public string? Successor { get; set; }

    public DateOnly? SuccessionDate { get; set; }

    public string? TimeZone { get; set; }

    public string? StorageLocation { get; set; }

    public long? Version { get; set; }

    public DateTimeOffset? CreateTime { get; set; }

    public DateTimeOffset? UpdateTime { get; set; }

    public string? CreateRequestId { get; set; }
}
