namespace Directives.Domain.Committees;

/// <summary>The field paths a committee's violations use: the API's field names.</summary>
public static class CommitteeFields
{
    public const string Name = "name";
    public const string Level = "level";
    public const string Decision = "decision";
    public const string DecisionDate = "decision_date";
    public const string EffectiveFrom = "effective_from";
    public const string Members = "members";
    public const string PersonName = "person_name";
    public const string PersonTitle = "person_title";
    public const string Agency = "agency";
    public const string Position = "position";
    public const string ResponsibilityAreas = "responsibility_areas";
    public const string LastDay = "last_day";
}
