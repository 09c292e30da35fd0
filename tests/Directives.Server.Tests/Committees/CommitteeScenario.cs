using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Changes;
using Directives.Domain.Agencies;
using Directives.Server.Auth;
using Directives.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ContractDate = Directives.Contracts.V1.Date;
using Position = Directives.Contracts.V1.CommitteeMember.Types.Position;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Committees;

/// <summary>
/// A fresh province for one test, with the agencies a steering committee draws on written straight into
/// its database (the committee tests do not depend on AgencyService), and clients of each role on it.
/// </summary>
internal sealed class CommitteeScenario
{
    public const string Police = "cong-an-tinh";
    public const string PeoplesCommittee = "ubnd-tinh";
    public const string Health = "so-y-te";
    public const string Justice = "so-tu-phap";

    private readonly Func<string, CommitteeService.CommitteeServiceClient> _client;

    /// <param name="client">A client of the role given, in <paramref name="province"/>.</param>
    /// <param name="province">A province whose agencies have been seeded (<see cref="SeedAgenciesAsync"/>).</param>
    public CommitteeScenario(Func<string, CommitteeService.CommitteeServiceClient> client, string province)
    {
        _client = client;
        Province = province;
    }

    public string Province { get; }

    public string Parent => $"provinces/{Province}";

    public static async System.Threading.Tasks.Task<CommitteeScenario> CreateAsync(DirectivesServerFixture server)
    {
        var province = await server.CreateProvinceAsync();
        await SeedAgenciesAsync(server.Services, province);
        return new CommitteeScenario(role => server.Client<CommitteeService.CommitteeServiceClient>(role, province), province);
    }

    /// <summary>Writes the scenario's agencies into <paramref name="province"/>'s database, each with its change log entry.</summary>
    public static async Task SeedAgenciesAsync(IServiceProvider services, string province)
    {
        await using var db = await services.GetRequiredService<IProvinceDbContextFactory>().CreateAsync(province, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, kind, name) in new[]
        {
            (Police, AgencyKind.Police, "Công an tỉnh"),
            (PeoplesCommittee, AgencyKind.Other, "Ủy ban nhân dân tỉnh"),
            (Health, AgencyKind.Department, "Sở Y tế"),
            (Justice, AgencyKind.Department, "Sở Tư pháp"),
        })
        {
            var stamp = db.AddResource(Domain.Agencies.Agency.Create(Guid.NewGuid(), kind, name), id, now);
            db.ChangeLog.Record(new ChangeEntry
            {
                ResourceName = $"provinces/{province}/agencies/{id}",
                ResourceType = "directives.gov.vn/Agency",
                Kind = ChangeKind.Created,
                Method = "test/seed",
                Actor = new ChangeActor("test/seed", null, null, []),
                Etag = stamp.Etag,
            });
        }

        await db.SaveChangesAsync();
    }

    public string Agency(string id) => $"provinces/{Province}/agencies/{id}";

    public CommitteeService.CommitteeServiceClient Admin() => _client(RoleNames.ProvinceAdmin);

    public CommitteeService.CommitteeServiceClient Viewer() => _client(RoleNames.Viewer);

    public System.Threading.Tasks.Task<SteeringCommittee> CreateCommitteeAsync(string id = "bcd-138", AdministrativeLevel level = AdministrativeLevel.Province)
        => Admin().CreateCommitteeAsync(new CreateCommitteeRequest
        {
            Parent = Parent,
            CommitteeId = id,
            Committee = new SteeringCommittee
            {
                DisplayName = "Ban Chỉ đạo 138 tỉnh Thử",
                Level = level,
                AreaName = "tỉnh Thử",
                StandingAgency = Agency(Police),
            },
        }).ResponseAsync;

    /// <summary>A full composition: head, first deputy, standing deputy, a deputy and a member, named after <paramref name="people"/>.</summary>
    public ReconstituteCommitteeRequest Reconstitution(string committee, string decision, ContractDate effective, params string[] people)
    {
        var request = new ReconstituteCommitteeRequest
        {
            Name = committee,
            Decision = new DocumentReference { NumberAndSymbol = decision, IssueDate = Day(effective.Year, effective.Month, 1) },
            EffectiveDate = effective,
        };
        var seats = new[]
        {
            (Position.Head, "Chủ tịch UBND tỉnh", PeoplesCommittee),
            (Position.FirstDeputy, "Phó Chủ tịch UBND tỉnh", PeoplesCommittee),
            (Position.StandingDeputy, "Giám đốc Công an tỉnh", Police),
            (Position.Deputy, "Giám đốc Sở Y tế", Health),
            (Position.Member, "Giám đốc Sở Tư pháp", Justice),
        };
        for (var i = 0; i < people.Length; i++)
        {
            var (position, title, agency) = seats[i];
            request.Members.Add(Member(people[i], position, title, agency));
        }

        return request;
    }

    public CommitteeMember Member(string person, Position position, string title = "Phó Giám đốc Công an tỉnh", string agency = Police)
    {
        var member = new CommitteeMember { PersonName = person, Position = position, Title = title, Agency = Agency(agency) };
        member.ResponsibilityAreas.Add("Phụ trách công tác phòng, chống ma túy");
        return member;
    }

    public static ContractDate Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
