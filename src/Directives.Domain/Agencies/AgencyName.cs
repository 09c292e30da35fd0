namespace Directives.Domain.Agencies;

/// <summary>A name an agency bore, and when: from <paramref name="EffectiveFrom"/> through <paramref name="EffectiveTo"/>, both inclusive.</summary>
/// <param name="Name">The full name: "Sở Lao động – Thương binh và Xã hội".</param>
/// <param name="EffectiveFrom">The first day under this name; null when not known (an agency's first recorded name).</param>
/// <param name="EffectiveTo">The last day under this name; null while it is the current name.</param>
public sealed record AgencyName(string Name, DateOnly? EffectiveFrom, DateOnly? EffectiveTo)
{
    public bool IsInEffectOn(DateOnly day)
        => (EffectiveFrom is null || day >= EffectiveFrom) && (EffectiveTo is null || day <= EffectiveTo);
}
