using Directives.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Directives.Server.Tenancy;

/// <summary>From <see cref="ProvinceRecord"/> to the API's <see cref="Province"/>.</summary>
internal static class ProvinceMapping
{
    /// <param name="record">The registry entry.</param>
    /// <param name="includeStorage">Whether to show <c>storage_location</c>: ProvinceAdminService only.</param>
    public static Province ToProto(ProvinceRecord record, bool includeStorage)
    {
        var province = new Province
        {
            Name = ProvinceNames.Format(record.Id),
            DisplayName = record.DisplayName,
            State = ToProto(record.State),
            Successor = record.Successor is { } successor ? ProvinceNames.Format(successor) : "",
            TimeZone = record.TimeZone,
            StorageLocation = includeStorage ? record.StorageLocation ?? "" : "",
            Etag = record.Etag,
            CreateTime = Timestamp.FromDateTimeOffset(record.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(record.UpdateTime),
        };
        province.Predecessors.AddRange(record.Predecessors.Select(ProvinceNames.Format));
        if (record.SuccessionDate is { } date)
        {
            province.SuccessionDate = new Date { Year = date.Year, Month = date.Month, Day = date.Day };
        }

        return province;
    }

    public static Province.Types.State ToProto(ProvinceState state) => state switch
    {
        ProvinceState.Active => Province.Types.State.Active,
        ProvinceState.ReadOnly => Province.Types.State.ReadOnly,
        ProvinceState.Disabled => Province.Types.State.Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The registry state of an API state; null for STATE_UNSPECIFIED and unknown values.</summary>
    public static ProvinceState? FromProto(Province.Types.State state) => state switch
    {
        Province.Types.State.Active => ProvinceState.Active,
        Province.Types.State.ReadOnly => ProvinceState.ReadOnly,
        Province.Types.State.Disabled => ProvinceState.Disabled,
        _ => null,
    };
}
