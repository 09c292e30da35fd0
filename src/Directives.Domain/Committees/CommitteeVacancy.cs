namespace Directives.Domain.Committees;

/// <summary>A required position nobody holds on a day.</summary>
/// <param name="Position">The vacant position: head, first deputy or standing deputy.</param>
/// <param name="Reason">Why it is vacant.</param>
/// <param name="StartDate">The first vacant day; null for <see cref="VacancyReason.NoComposition"/>.</param>
/// <param name="PreviousMemberId">Who last held it, for <see cref="VacancyReason.MemberLeft"/>.</param>
public sealed record CommitteeVacancy(CommitteePosition Position, VacancyReason Reason, DateOnly? StartDate = null, Guid? PreviousMemberId = null);
