using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Directives.Data.Configuration;

/// <summary>
/// A list of value records stored as one JSON text column, for lists inside entities that are rows of
/// their own (EF maps owned JSON only under owners that are JSON themselves or root tables).
/// </summary>
internal static class JsonListConverter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<IReadOnlyList<T>, string> Create<T>()
        => new(
            list => JsonSerializer.Serialize(list, Options),
            json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>()
        => new(
            (left, right) => left == null ? right == null : right != null && left.SequenceEqual(right),
            list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
            list => list.ToList());
}
