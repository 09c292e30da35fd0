using Directives.Domain.Committees;
using Directives.Domain.Search;
using Directives.Server.Api;
using ContractCommittee = Directives.Contracts.V1.SteeringCommittee;
using ContractComposition = Directives.Contracts.V1.CommitteeComposition;
using ContractMember = Directives.Contracts.V1.CommitteeMember;
using ContractVacancy = Directives.Contracts.V1.Vacancy;

namespace Directives.Server.Services.Committees;

/// <summary>
/// The rows the committee List methods filter and order, each with the resource it shows. Text fields
/// are kept folded (<see cref="VietnameseText.NormalizeForSearch"/>) as the filters compare them; an
/// end date still open compares as 9999-12-31, as the filters say.
/// </summary>
internal static class CommitteeRows
{
    public static readonly FilterMapping<CommitteeRow> CommitteeFilter = new FilterMapping<CommitteeRow>(FilterSchemas.ListCommittees)
        .Map("level", r => r.Level)
        .Map("display_name", r => r.DisplayNameFolded)
        .Map("area_name", r => r.AreaNameFolded)
        .Map("standing_agency", r => r.StandingAgency)
        .Map("vacancy_count", r => r.VacancyCount)
        .EnsureComplete();

    public static readonly SortMapping<CommitteeRow> CommitteeOrder = new SortMapping<CommitteeRow>(SortSchemas.ListCommittees)
        .Map("level", r => r.Level)
        .Map("area_name", r => r.AreaName)
        .Map("display_name", r => r.DisplayName)
        .Map("create_time", r => r.CreateTime)
        .MapName(r => r.Name)
        .EnsureComplete();

    public static readonly FilterMapping<CompositionRow> CompositionFilter = new FilterMapping<CompositionRow>(FilterSchemas.ListCompositions)
        .Map("decision.number_and_symbol", r => r.DecisionNumber)
        .Map("decision.issue_date", r => r.DecisionDate)
        .Map("effective_date", r => r.EffectiveDate)
        .Map("end_date", r => r.EndDate)
        .EnsureComplete();

    public static readonly SortMapping<CompositionRow> CompositionOrder = new SortMapping<CompositionRow>(SortSchemas.ListCompositions)
        .Map("effective_date", r => r.EffectiveDate)
        .MapName(r => r.Name)
        .EnsureComplete();

    public static readonly FilterMapping<VacancyRow> VacancyFilter = new FilterMapping<VacancyRow>(FilterSchemas.ListVacancies)
        .Map("committee", r => r.Committee)
        .Map("position", r => r.Position)
        .Map("reason", r => r.Reason)
        .Map("start_date", r => r.StartDate)
        .EnsureComplete();

    public static readonly SortMapping<VacancyRow> VacancyOrder = new SortMapping<VacancyRow>(SortSchemas.ListVacancies)
        .Map("committee", r => r.Committee)
        .Map("position", r => r.Position)
        .Map("start_date", r => r.StartDate)
        .MapName(r => r.Committee, r => r.Position)
        .EnsureComplete();

    public static readonly FilterMapping<MemberRow> MemberFilter = new FilterMapping<MemberRow>(FilterSchemas.ListMemberHistory)
        .Map("position", r => r.Position)
        .Map("agency", r => r.Agency)
        .Map("person_name", r => r.PersonNameFolded)
        .Map("title", r => r.TitleFolded)
        .Map("composition", r => r.Composition)
        .Map("decision.number_and_symbol", r => r.DecisionNumber)
        .Map("start_date", r => r.StartDate)
        .Map("end_date", r => r.EndDate)
        .EnsureComplete();

    // Ties break by the decisions' order (position, then place in the decision), then by name.
    public static readonly SortMapping<MemberRow> MemberOrder = new SortMapping<MemberRow>(SortSchemas.ListMemberHistory)
        .Map("start_date", r => r.StartDate)
        .Map("position", r => r.Position)
        .Map("person_name", r => r.PersonName)
        .MapName(r => r.Order, r => r.Name)
        .EnsureComplete();

    public static CommitteeRow Of(SteeringCommittee committee, ContractCommittee resource) => new(
        resource.Name,
        committee.Level,
        committee.Name,
        committee.AreaName,
        VietnameseText.NormalizeForSearch(committee.Name),
        VietnameseText.NormalizeForSearch(committee.AreaName),
        resource.StandingAgency,
        resource.VacancyCount,
        resource.CreateTime.ToDateTimeOffset(),
        resource);

    public static CompositionRow Of(CommitteeComposition composition, ContractComposition resource) => new(
        resource.Name,
        composition.Decision.Text,
        composition.DecisionDate,
        composition.EffectiveDate,
        composition.EndDate ?? DateOnly.MaxValue,
        resource);

    public static VacancyRow Of(CommitteeVacancy vacancy, ContractVacancy resource)
        => new(resource.Committee, vacancy.Position, vacancy.Reason, vacancy.StartDate, resource);

    public static MemberRow Of(CommitteeMember member, ContractMember resource) => new(
        resource.Name,
        member.Position,
        resource.Agency,
        VietnameseText.NormalizeForSearch(member.PersonName),
        VietnameseText.NormalizeForSearch(member.Title),
        member.PersonName,
        resource.Composition,
        resource.Decision.NumberAndSymbol,
        member.StartDate,
        member.EndDate ?? DateOnly.MaxValue,
        member.Order,
        resource);
}

internal sealed record CommitteeRow(
    string Name,
    CommitteeLevel Level,
    string DisplayName,
    string AreaName,
    string DisplayNameFolded,
    string AreaNameFolded,
    string StandingAgency,
    int VacancyCount,
    DateTimeOffset CreateTime,
    ContractCommittee Resource);

internal sealed record CompositionRow(
    string Name, string DecisionNumber, DateOnly? DecisionDate, DateOnly EffectiveDate, DateOnly EndDate, ContractComposition Resource);

internal sealed record VacancyRow(string Committee, CommitteePosition Position, VacancyReason Reason, DateOnly? StartDate, ContractVacancy Resource);

internal sealed record MemberRow(
    string Name,
    CommitteePosition Position,
    string Agency,
    string PersonNameFolded,
    string TitleFolded,
    string PersonName,
    string Composition,
    string DecisionNumber,
    DateOnly StartDate,
    DateOnly EndDate,
    int Order,
    ContractMember Resource);
