using System.Reflection;
using Google.Protobuf.Reflection;

namespace Directives.Server.Api;

/// <summary>One field a List method's filter accepts; build them with the static factories.</summary>
internal sealed record FilterField
{
    private FilterField(string name, FilterFieldKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The field path as written in filters, e.g. <c>directive.issue_date.year</c>.</summary>
    public string Name { get; }

    public FilterFieldKind Kind { get; }

    /// <summary>A repeated field: only <c>:</c> ("has"), with a value of <see cref="Kind"/>.</summary>
    public bool IsRepeated { get; private init; }

    /// <summary>For <see cref="FilterFieldKind.Enum"/>: value name → number, as in the .proto.</summary>
    public IReadOnlyDictionary<string, int> EnumValues { get; private init; } = new Dictionary<string, int>();

    /// <summary>For <see cref="FilterFieldKind.ResourceName"/>: the names it accepts.</summary>
    public ResourceNamePattern? Pattern { get; private init; }

    /// <summary>For <see cref="FilterFieldKind.ResourceName"/>: whether <c>""</c> ("none") is accepted.</summary>
    public bool AcceptsEmpty { get; private init; }

    /// <summary>For <see cref="FilterFieldKind.AnyOf"/>: the fields it stands for.</summary>
    public IReadOnlyList<string> AnyOf { get; private init; } = [];

    /// <summary>An enum field; value names come from the generated enum's <see cref="OriginalNameAttribute"/>s.</summary>
    public static FilterField Enum<TEnum>(string name)
        where TEnum : struct, System.Enum
        => new(name, FilterFieldKind.Enum) { EnumValues = ProtoEnumValues<TEnum>() };

    public static FilterField Text(string name) => new(name, FilterFieldKind.Text);

    public static FilterField String(string name) => new(name, FilterFieldKind.String);

    public static FilterField ResourceName(string name, ResourceNamePattern pattern, bool acceptsEmpty = false)
        => new(name, FilterFieldKind.ResourceName) { Pattern = pattern, AcceptsEmpty = acceptsEmpty };

    public static FilterField Date(string name) => new(name, FilterFieldKind.Date);

    public static FilterField Timestamp(string name) => new(name, FilterFieldKind.Timestamp);

    public static FilterField Integer(string name) => new(name, FilterFieldKind.Integer);

    public static FilterField Number(string name) => new(name, FilterFieldKind.Number);

    public static FilterField Bool(string name) => new(name, FilterFieldKind.Bool);

    /// <summary>A repeated field of <paramref name="element"/>'s kind, filtered with <c>:</c>.</summary>
    public static FilterField Repeated(FilterField element) => new(element.Name, element.Kind)
    {
        IsRepeated = true,
        Pattern = element.Pattern,
        EnumValues = element.EnumValues,
    };

    public static FilterField AnyOfFields(string name, params string[] fields) => new(name, FilterFieldKind.AnyOf) { AnyOf = fields };

    /// <summary>How error messages name the kind: "an enum", "a timestamp", …</summary>
    public string Describe()
    {
        var kind = Kind switch
        {
            FilterFieldKind.Enum => "an enum",
            FilterFieldKind.Text => "text",
            FilterFieldKind.String => "a string",
            FilterFieldKind.ResourceName => $"{(Pattern!.EnglishNoun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {Pattern.EnglishNoun} name",
            FilterFieldKind.Date => "a date",
            FilterFieldKind.Timestamp => "a timestamp",
            FilterFieldKind.Integer => "an integer",
            FilterFieldKind.Number => "a number",
            FilterFieldKind.Bool => "a boolean",
            _ => "a shorthand for " + string.Join(" or ", AnyOf),
        };
        return IsRepeated ? $"a repeated field of {kind}" : kind;
    }

    private static Dictionary<string, int> ProtoEnumValues<TEnum>()
        where TEnum : struct, System.Enum
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var protoName = member.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? member.Name;
            values[protoName] = Convert.ToInt32(member.GetValue(null), System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }
}
