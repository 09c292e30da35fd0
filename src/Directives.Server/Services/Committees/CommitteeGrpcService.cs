using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Resources;
using Directives.Server.Api;
using Directives.Server.Services.Tasks;
using Directives.Server.Tenancy;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ContractCommittee = Directives.Contracts.V1.SteeringCommittee;
using ContractComposition = Directives.Contracts.V1.CommitteeComposition;
using ContractMember = Directives.Contracts.V1.CommitteeMember;

namespace Directives.Server.Services.Committees;

/// <summary>
/// CommitteeService over the province's database. The province is the resolved tenant's, never a
/// request field. Reads present a committee as of today (or the date asked) in the province's time zone;
/// mutations are <see cref="CommitteeWriter"/>'s. Errors are thrown as API, domain or storage exceptions
/// and mapped once by the error interceptor.
/// </summary>
internal sealed class CommitteeGrpcService(
    ITenantContext tenant,
    IProvinceDbContextFactory databases,
    TimeProvider time,
    PageTokens pageTokens) : CommitteeService.CommitteeServiceBase
{
    private readonly CommitteeWriter _writer = new(tenant, databases, time);

    public override async Task<ContractCommittee> GetCommittee(GetCommitteeRequest request, ServerCallContext context)
    {
        var name = CommitteeName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var work = await CommitteeWorkspace.LoadAsync(db, name, time.GetUtcNow(), forWriting: false, context.CancellationToken);
        return work.Presenter.ToCommittee(work.Committee, work.Stamp);
    }

    public override async Task<ListCommitteesResponse> ListCommittees(ListCommitteesRequest request, ServerCallContext context)
    {
        ProvinceName.Parse(request.Parent, "parent");
        var list = new ListRequest(request.PageSize, request.PageToken, new ListParameters(nameof(ListCommittees), request.Parent, request.Filter, request.OrderBy));
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var committees = await db.Committees.Stamped().ToListAsync(context.CancellationToken);
        var presenter = await CommitteeWorkspace.PresenterForAsync(db, [], time.GetUtcNow(), context.CancellationToken);
        var rows = committees.Select(c => CommitteeRows.Of(c.Resource, presenter.ToCommittee(c.Resource, c.Stamp)));
        var page = InMemoryPages.Page(rows, CommitteeRows.CommitteeFilter, CommitteeRows.CommitteeOrder, list, pageTokens);
        var response = new ListCommitteesResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Committees.AddRange(page.Items.Select(r => r.Resource));
        return response;
    }

    public override Task<ContractCommittee> CreateCommittee(CreateCommitteeRequest request, ServerCallContext context)
        => _writer.CreateAsync(request, context.CancellationToken);

    public override Task<ContractCommittee> UpdateCommittee(UpdateCommitteeRequest request, ServerCallContext context)
        => _writer.UpdateAsync(request, context.CancellationToken);

    public override Task<ContractComposition> ReconstituteCommittee(ReconstituteCommitteeRequest request, ServerCallContext context)
        => _writer.ReconstituteAsync(request, context.CancellationToken);

    public override async Task<ContractComposition> GetComposition(GetCompositionRequest request, ServerCallContext context)
    {
        var name = CommitteeName.Parse(request.Committee, "committee");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var work = await CommitteeWorkspace.LoadAsync(db, name, time.GetUtcNow(), forWriting: false, context.CancellationToken);
        var day = AsOf(request.AsOfDate, work.Presenter.Today);
        var composition = work.Committee.CompositionOn(day)
            ?? throw ApiErrors.NotFound(work.Name, $"No composition of the committee {work.Name} was in force on {day:yyyy-MM-dd}.");
        return work.Presenter.ToComposition(work.Committee, work.Stamp, composition, day);
    }

    public override async Task<ListCompositionsResponse> ListCompositions(ListCompositionsRequest request, ServerCallContext context)
    {
        var name = CommitteeName.Parse(request.Parent, "parent");
        var list = new ListRequest(request.PageSize, request.PageToken, new ListParameters(nameof(ListCompositions), request.Parent, request.Filter, request.OrderBy));
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var work = await CommitteeWorkspace.LoadAsync(db, name, time.GetUtcNow(), forWriting: false, context.CancellationToken);
        var rows = work.Committee.Compositions.Select(c => CommitteeRows.Of(c, work.Presenter.ToComposition(work.Committee, work.Stamp, c, asOf: null)));
        var page = InMemoryPages.Page(rows, CommitteeRows.CompositionFilter, CommitteeRows.CompositionOrder, list, pageTokens);
        var response = new ListCompositionsResponse { NextPageToken = page.NextPageToken };
        response.Compositions.AddRange(page.Items.Select(r => r.Resource));
        return response;
    }

    public override async Task<ListVacanciesResponse> ListVacancies(ListVacanciesRequest request, ServerCallContext context)
    {
        var name = CommitteeName.Parse(request.Parent, "parent", NameWildcards.WithinProvince);
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var now = time.GetUtcNow();
        IQueryable<Domain.Committees.SteeringCommittee> source = db.Committees;
        if (!name.HasWildcard)
        {
            source = source.WithResourceId(name.Committee);
        }

        var committees = await source.Stamped().ToListAsync(context.CancellationToken);
        if (!name.HasWildcard && committees.Count == 0)
        {
            throw ApiErrors.NotFound(request.Parent);
        }

        var presenter = await CommitteeWorkspace.PresenterForAsync(db, [.. committees.Select(c => (c.Resource, c.Stamp.ResourceId))], now, context.CancellationToken);
        var day = AsOf(request.AsOfDate, presenter.Today);
        var list = new ListRequest(
            request.PageSize,
            request.PageToken,
            new ListParameters(nameof(ListVacancies), request.Parent, request.Filter, request.OrderBy, Query: day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var rows = committees.SelectMany(c => c.Resource.VacanciesOn(day).Select(v => CommitteeRows.Of(v, presenter.ToVacancy(c.Resource, c.Stamp, v))));
        var page = InMemoryPages.Page(rows, CommitteeRows.VacancyFilter, CommitteeRows.VacancyOrder, list, pageTokens);
        var response = new ListVacanciesResponse { NextPageToken = page.NextPageToken };
        response.Vacancies.AddRange(page.Items.Select(r => r.Resource));
        return response;
    }

    public override async Task<ContractMember> GetCommitteeMember(GetCommitteeMemberRequest request, ServerCallContext context)
    {
        var name = MemberName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var work = await CommitteeWorkspace.LoadAsync(db, name.Parent, time.GetUtcNow(), forWriting: false, context.CancellationToken);
        var (composition, member) = work.FindMember(name);
        return work.Presenter.ToMember(work.Stamp, composition, member);
    }

    public override async Task<ListMemberHistoryResponse> ListMemberHistory(ListMemberHistoryRequest request, ServerCallContext context)
    {
        var name = CommitteeName.Parse(request.Parent, "parent");
        var list = new ListRequest(request.PageSize, request.PageToken, new ListParameters(nameof(ListMemberHistory), request.Parent, request.Filter, request.OrderBy));
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var work = await CommitteeWorkspace.LoadAsync(db, name, time.GetUtcNow(), forWriting: false, context.CancellationToken);
        var rows = work.Committee.Compositions.SelectMany(c => c.Members.Select(m => CommitteeRows.Of(m, work.Presenter.ToMember(work.Stamp, c, m))));
        var page = InMemoryPages.Page(rows, CommitteeRows.MemberFilter, CommitteeRows.MemberOrder, list, pageTokens);
        var response = new ListMemberHistoryResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Members.AddRange(page.Items.Select(r => r.Resource));
        return response;
    }

    public override Task<ContractMember> AppointCommitteeMember(AppointCommitteeMemberRequest request, ServerCallContext context)
        => _writer.AppointAsync(request, context.CancellationToken);

    public override Task<ContractMember> EndCommitteeMembership(EndCommitteeMembershipRequest request, ServerCallContext context)
        => _writer.EndMembershipAsync(request, context.CancellationToken);

    // The day a read describes: the request's date, or today in the province.
    private static DateOnly AsOf(Date? requested, DateOnly today)
    {
        if (requested is null)
        {
            return today;
        }

        var violations = new RequestViolations();
        var day = DateMapping.FromContract(requested, "as_of_date", violations);
        InputViolations.ThrowIfAny(violations);
        return day!.Value;
    }
}
