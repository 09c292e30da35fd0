using System.Collections.Immutable;

namespace Directives.Server.Tenancy;

/// <summary>Between <see cref="ProvinceDocument"/> (the file) and <see cref="ProvinceRecord"/>.</summary>
internal static class ProvinceDocumentMapping
{
    /// <summary>The record of a document; entries written by hand get version 1 and <paramref name="now"/> as their times.</summary>
    public static ProvinceRecord ToRecord(ProvinceDocument document, DateTimeOffset now)
    {
        var created = document.CreateTime ?? now;
        return new ProvinceRecord
        {
            Id = document.Id,
            DisplayName = document.DisplayName,
            State = ParseState(document.Id, document.State),
            Predecessors = [.. (document.Predecessors ?? []).Order(StringComparer.Ordinal)],
            Successor = string.IsNullOrEmpty(document.Successor) ? null : document.Successor,
            SuccessionDate = document.SuccessionDate,
            TimeZone = string.IsNullOrEmpty(document.TimeZone) ? ProvinceRecord.DefaultTimeZone : document.TimeZone,
            StorageLocation = string.IsNullOrEmpty(document.StorageLocation) ? null : document.StorageLocation,
            Version = document.Version ?? 1,
            CreateTime = created,
            UpdateTime = document.UpdateTime ?? created,
            CreateRequestId = document.CreateRequestId,
        };
    }

    public static ProvinceDocument ToDocument(ProvinceRecord record) => new()
    {
        Id = record.Id,
        DisplayName = record.DisplayName,
        State = FormatState(record.State),
        Predecessors = record.Predecessors.IsEmpty ? null : [.. record.Predecessors],
        Successor = record.Successor,
        SuccessionDate = record.SuccessionDate,
        TimeZone = record.TimeZone,
        StorageLocation = record.StorageLocation,
        Version = record.Version,
        CreateTime = record.CreateTime,
        UpdateTime = record.UpdateTime,
        CreateRequestId = record.CreateRequestId,
    };

    private static ProvinceState ParseState(string id, string state) => state switch
    {
        "ACTIVE" => ProvinceState.Active,
        "READ_ONLY" => ProvinceState.ReadOnly,
        "DISABLED" => ProvinceState.Disabled,
        _ => throw new InvalidDataException($"Province '{id}' has state '{state}'; expected ACTIVE, READ_ONLY or DISABLED."),
    };

    private static string FormatState(ProvinceState state) => state switch
    {
        ProvinceState.Active => "ACTIVE",
        ProvinceState.ReadOnly => "READ_ONLY",
        ProvinceState.Disabled => "DISABLED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
