namespace Directives.Server.Api;

/// <summary>The fields one List method orders by, its default order, and parsing <c>order_by</c> against them.</summary>
internal sealed class SortSchema
{
    private readonly HashSet<string> _fields;

    public SortSchema(string method, string defaultOrderBy, params string[] fields)
    {
        Method = method;
        Fields = fields;
        _fields = new HashSet<string>(fields, StringComparer.Ordinal);
        Default = Parse(defaultOrderBy);
    }

    public string Method { get; }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>The order of an empty <c>order_by</c>.</summary>
    public SortOrder Default { get; }

    /// <summary>
    /// Parses <c>"field, field desc"</c>; empty gives <see cref="Default"/>. An unknown field, a field
    /// listed twice or anything but <c>asc</c>/<c>desc</c> after a field is INVALID_ARGUMENT
    /// (INVALID_ORDER_BY) on <c>order_by</c>.
    /// </summary>
    public SortOrder Parse(string? orderBy)
    {
        if (string.IsNullOrWhiteSpace(orderBy))
        {
            return Default;
        }

        var keys = new List<SortKey>();
        foreach (var item in orderBy.Split(','))
        {
            var words = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                throw Invalid("has an empty item between commas");
            }

            var descending = words.Length switch
            {
                1 => false,
                2 when words[1] == "desc" => true,
                2 when words[1] == "asc" => false,
                _ => throw Invalid($"\"{item.Trim()}\" is not \"field\" or \"field desc\""),
            };
            var field = words[0];
            if (!_fields.Contains(field))
            {
                throw Invalid($"cannot order by \"{field}\"; {Method} orders by {string.Join(", ", Fields)}");
            }

            if (keys.Any(k => k.Field == field))
            {
                throw Invalid($"lists {field} twice");
            }

            keys.Add(new SortKey(field, descending));
        }

        return new SortOrder(keys);
    }

    private Grpc.Core.RpcException Invalid(string description) => ApiErrors.InvalidOrderBy(description, Fields);
}
