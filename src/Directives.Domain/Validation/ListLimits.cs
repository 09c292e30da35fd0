namespace Directives.Domain.Validation;

/// <summary>Most items a repeated field accepts, as the API documents them.</summary>
public static class ListLimits
{
    public const int LegalBases = 100;
    public const int Recipients = 200;
    public const int Measurements = 50;
    public const int CommitteeMembers = 200;
}
