namespace Directives.Domain.Agencies;

/// <summary>A name an agency bore, and when: from <paramref name="StartDate"/> through <paramref name="EndDate"/>, both inclusive.</summary>
/// <param name="Name">The full name: "Sở Lao động – Thương binh và Xã hội".</param>
/// <param name="StartDate">The first day under this name; null when not known (an agency's first recorded name).</param>
/// <param name="EndDate">The last day under this name; null while it is the current name.</param>
public sealed record AgencyName(string Name, DateOnly? StartDate, DateOnly? EndDate)
{
    public bool IsInUseOn(DateOnly day)
        => (StartDate is null || day >= StartDate) && (EndDate is null || day <= EndDate);
}
