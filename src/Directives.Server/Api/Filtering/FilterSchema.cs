using System.Collections.Frozen;

namespace Directives.Server.Api;

/// <summary>The fields one List method filters on (<see cref="FilterSchemas"/>), and binding a filter against them.</summary>
internal sealed class FilterSchema
{
    private readonly FrozenDictionary<string, FilterField> _fields;

    public FilterSchema(string method, params FilterField[] fields)
    {
        Method = method;
        Fields = fields;
        _fields = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var target in fields.SelectMany(f => f.AnyOf))
        {
            if (!_fields.ContainsKey(target))
            {
                throw new ArgumentException($"{method}: a shorthand names {target}, which is not a field of the schema.", nameof(fields));
            }
        }
    }

    /// <summary>The List method, e.g. <c>ListTasks</c>, as error messages name it.</summary>
    public string Method { get; }

    public IReadOnlyList<FilterField> Fields { get; }

    public FilterField? Find(string name) => _fields.GetValueOrDefault(name);

    /// <summary>Parses and type-checks <paramref name="filter"/>; throws INVALID_ARGUMENT (INVALID_FILTER) on <c>filter</c>.</summary>
    public BoundFilter Bind(string? filter)
    {
        var root = FilterParser.Parse(filter);
        return new BoundFilter(this, filter ?? "", root is null ? null : FilterBinder.Bind(this, root));
    }
}
