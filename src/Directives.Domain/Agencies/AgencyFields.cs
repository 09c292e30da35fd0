namespace Directives.Domain.Agencies;

/// <summary>The field paths an agency's violations use: the API's field names.</summary>
public static class AgencyFields
{
    public const string DisplayName = "display_name";
    public const string Kind = "kind";
    public const string EffectiveDate = "effective_date";
    public const string MergedInto = "merged_into";
}
