namespace Directives.Domain.Agencies;

/// <summary>The field paths an agency's violations use: the API's field names.</summary>
public static class AgencyFields
{
    public const string Name = "name";
    public const string Kind = "kind";
    public const string EffectiveFrom = "effective_from";
    public const string MergedInto = "merged_into";
}
