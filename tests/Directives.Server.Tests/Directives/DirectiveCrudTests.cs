using Directives.Contracts.V1;
using Directives.Data.Resources;
using Directives.Server.Auth;
using Directives.Server.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.StatusProto;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Directives;

/// <summary>DirectiveService's standard methods through the real transport, on each storage provider.</summary>
public abstract class DirectiveCrudTests(DirectivesServerFixture server)
{
    private const string Province = "hung-yen";

    protected DirectivesServerFixture Server => server;

    [Fact]
    public async Task CreateThenGetReturnsTheDirectiveAsEntered()
    {
        var client = Secretariat(Province);
        var id = NewId();
        var draft = SampleDirectives.Draft();

        var created = await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = draft, DirectiveId = id });

        Assert.Equal($"provinces/{Province}/directives/{id}", created.Name);
        Assert.Equal(Directive.Types.State.Draft, created.State);
        Assert.Equal(draft.NumberAndSymbol, created.NumberAndSymbol);
        Assert.Equal(draft.Subject, created.Subject);
        Assert.Equal(draft.Signer, created.Signer);
        Assert.Equal(draft.IssueDate, created.IssueDate);
        Assert.Equal(draft.Recipients, created.Recipients);
        Assert.Equal(draft.LegalBases[0].NumberAndSymbol, created.LegalBases[0].NumberAndSymbol);
        Assert.Equal(draft.ReportingSchedule, created.ReportingSchedule);
        Assert.Equal(IssuingBodyKind.ProvincialPeoplesCommittee, created.IssuingBodyKind);
        Assert.Equal(Directive.Types.Confidentiality.Normal, created.Confidentiality);
        Assert.NotEmpty(created.Etag);
        Assert.Equal(created.Etag, created.RevisionId);
        Assert.NotNull(created.CreateTime);
        Assert.Null(created.DeleteTime);

        var read = await Viewer(Province).GetDirectiveAsync(new GetDirectiveRequest { Name = created.Name });
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task CreateWithoutAnIdAssignsOne()
    {
        var created = await Secretariat(Province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft() });

        Assert.Matches("^provinces/hung-yen/directives/[a-z2-7]{26}$", created.Name);
    }

    [Fact]
    public async Task CreateNamesTheMonitoringAgency()
    {
        var province = await server.CreateProvinceAsync();
        var agency = await server.Client<AgencyService.AgencyServiceClient>(RoleNames.Secretariat, province).CreateAgencyAsync(new CreateAgencyRequest
        {
            Parent = Parent(province),
            AgencyId = "cong-an-tinh",
            Agency = new Agency { DisplayName = "Công an tỉnh", Kind = Agency.Types.Kind.Police },
        });
        var draft = SampleDirectives.Draft();
        draft.MonitoringAgency = agency.Name;

        var created = await Secretariat(province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(province), Directive = draft });

        Assert.Equal(agency.Name, created.MonitoringAgency);
    }

    [Fact]
    public async Task GetOfAMissingDirectiveIsNotFound()
    {
        await ApiAssert.FailsAsync(
            () => Viewer(Province).GetDirectiveAsync(new GetDirectiveRequest { Name = $"provinces/{Province}/directives/{NewId()}" }),
            StatusCode.NotFound,
            "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task AMalformedNameIsInvalid()
    {
        await ApiAssert.InvalidAsync(() => Viewer(Province).GetDirectiveAsync(new GetDirectiveRequest { Name = $"provinces/{Province}/directives/Not_An_Id" }), "name");
    }

    [Fact]
    public async Task TheSameNumberInTheSameYearAlreadyExists()
    {
        var client = Secretariat(Province);
        var number = SampleDirectives.NextNumber();
        var first = await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(number, 2023) });

        // Compared canonically: spaces and case do not make another number.
        var status = await ApiAssert.FailsAsync(
            () => client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(number.Replace("/", " / ").ToLowerInvariant(), 2023) }),
            StatusCode.AlreadyExists,
            "DUPLICATE_NUMBER");
        Assert.Equal(first.Name, status.GetDetail<Google.Rpc.ResourceInfo>()!.ResourceName);

        // Another year may reuse the number.
        await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(number, 2024) });
    }

    [Fact]
    public async Task ATakenIdAlreadyExists()
    {
        var client = Secretariat(Province);
        var id = NewId();
        await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(), DirectiveId = id });

        await ApiAssert.FailsAsync(
            () => client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(), DirectiveId = id }),
            StatusCode.AlreadyExists,
            "RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task ARetriedCreateReturnsTheFirstResultAndCreatesNothingTwice()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var request = new CreateDirectiveRequest { Parent = Parent(province), Directive = SampleDirectives.Draft(), RequestId = Guid.NewGuid().ToString() };

        var first = await client.CreateDirectiveAsync(request);
        var retry = await client.CreateDirectiveAsync(request);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.CreateDirectiveAsync(request).ResponseAsync));

        Assert.Equal(first, retry);
        Assert.All(concurrent, c => Assert.Equal(first, c));
        await using var db = await server.OpenDatabaseAsync(province);
        Assert.Equal(1, await db.Directives.CountAsync());
        Assert.Equal(1, await db.ChangeLog.HeadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentFirstCallsWithOneRequestIdCreateOneDirective()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var request = new CreateDirectiveRequest { Parent = Parent(province), Directive = SampleDirectives.Draft(), RequestId = Guid.NewGuid().ToString() };

        // No call goes first: each may see the number taken by a winner that has not answered yet.
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.CreateDirectiveAsync(request).ResponseAsync));

        Assert.All(results, r => Assert.Equal(results[0], r));
        await using var db = await server.OpenDatabaseAsync(province);
        Assert.Equal(1, await db.Directives.CountAsync());
        Assert.Equal(1, await db.ChangeLog.HeadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ARequestIdReusedForAnotherRequestAlreadyExists()
    {
        var client = Secretariat(Province);
        var requestId = Guid.NewGuid().ToString();
        await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(), RequestId = requestId });

        await ApiAssert.FailsAsync(
            () => client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(), RequestId = requestId }),
            StatusCode.AlreadyExists,
            "REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task AMalformedRequestIdIsInvalid()
    {
        await ApiAssert.InvalidAsync(
            () => Secretariat(Province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(), RequestId = "not-a-uuid" }),
            "request_id");
    }

    [Fact]
    public async Task ValidateOnlyWritesNothing()
    {
        var province = await server.CreateProvinceAsync();
        var id = NewId();

        var validated = await Secretariat(province).CreateDirectiveAsync(new CreateDirectiveRequest
        {
            Parent = Parent(province),
            Directive = SampleDirectives.Draft(),
            DirectiveId = id,
            RequestId = Guid.NewGuid().ToString(),
            ValidateOnly = true,
        });

        Assert.Equal($"provinces/{province}/directives/{id}", validated.Name);
        await using var db = await server.OpenDatabaseAsync(province);
        Assert.Equal(0, await db.Directives.CountAsync());
        Assert.Equal(0, await db.ChangeLog.HeadAsync(CancellationToken.None));
        await ApiAssert.FailsAsync(() => Viewer(province).GetDirectiveAsync(new GetDirectiveRequest { Name = validated.Name }), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task EveryInvalidFieldIsReportedAtOnce()
    {
        var draft = SampleDirectives.Draft();
        draft.NumberAndSymbol = "CT-UBND/15";
        draft.IssueDate = new Date { Year = 2023, Month = 2, Day = 30 };
        draft.MonitoringAgency = $"provinces/{Province}/agencies/khong-ton-tai";
        draft.Subject = new string('a', 1001);
        draft.Signer.FullName = "";
        draft.DocumentType = DocumentType.Unspecified;

        var badRequest = await ApiAssert.InvalidAsync(
            () => Secretariat(Province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = draft, DirectiveId = "Bad_Id" }),
            "directive_id",
            "directive.number_and_symbol",
            "directive.issue_date",
            "directive.monitoring_agency",
            "directive.subject",
            "directive.signer.full_name",
            "directive.document_type");
        Assert.Contains("khong-ton-tai", badRequest.FieldViolations.Single(v => v.Field == "directive.monitoring_agency").Description);
    }

    [Fact]
    public async Task AnUnknownAgencyIsAnUnknownReference()
    {
        var draft = SampleDirectives.Draft();
        draft.MonitoringAgency = $"provinces/{Province}/agencies/khong-ton-tai";

        await ApiAssert.FailsAsync(
            () => Secretariat(Province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = draft }),
            StatusCode.InvalidArgument,
            "UNKNOWN_REFERENCE");
    }

    [Theory]
    [InlineData("15/CT-UBND/", "directive.number_and_symbol")]
    [InlineData("CT", "directive.number_and_symbol")]
    [InlineData("1234567/CT-UBND", "directive.number_and_symbol")]
    public async Task AMalformedNumberIsInvalid(string number, string field)
    {
        var draft = SampleDirectives.Draft();
        draft.NumberAndSymbol = number;

        await ApiAssert.InvalidAsync(() => Secretariat(Province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = draft }), field);
    }

    [Fact]
    public async Task AViewerCannotCreate()
    {
        await ApiAssert.FailsAsync(
            () => Viewer(Province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft() }),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
    }

    [Fact]
    public async Task UpdateChangesTheMaskedFieldsOnly()
    {
        var client = Secretariat(Province);
        var created = await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft() });
        var change = new Directive { Name = created.Name, Subject = "Về tăng cường phòng, chống tội phạm", Place = "ignored", Etag = created.Etag };

        var updated = await client.UpdateDirectiveAsync(new UpdateDirectiveRequest { Directive = change, UpdateMask = new FieldMask { Paths = { "subject" } } });

        Assert.Equal("Về tăng cường phòng, chống tội phạm", updated.Subject);
        Assert.Equal(created.Place, updated.Place);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(created.CreateTime, updated.CreateTime);
    }

    [Fact]
    public async Task AnUnknownMaskPathIsInvalid()
    {
        var client = Secretariat(Province);
        var created = await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft() });

        await ApiAssert.InvalidAsync(
            () => client.UpdateDirectiveAsync(new UpdateDirectiveRequest { Directive = created, UpdateMask = new FieldMask { Paths = { "no_such_field" } } }),
            "update_mask");
    }

    [Fact]
    public async Task OfTwoWritersWithTheSameEtagTheSecondIsAborted()
    {
        var created = await Secretariat(Province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft() });
        var first = new Directive { Name = created.Name, Subject = "Người thứ nhất", Etag = created.Etag };
        var second = new Directive { Name = created.Name, Subject = "Người thứ hai", Etag = created.Etag };
        var mask = new FieldMask { Paths = { "subject" } };

        await Secretariat(Province, "writer-1").UpdateDirectiveAsync(new UpdateDirectiveRequest { Directive = first, UpdateMask = mask });
        await ApiAssert.FailsAsync(
            () => Secretariat(Province, "writer-2").UpdateDirectiveAsync(new UpdateDirectiveRequest { Directive = second, UpdateMask = mask }),
            StatusCode.Aborted,
            "ETAG_MISMATCH");

        var read = await Viewer(Province).GetDirectiveAsync(new GetDirectiveRequest { Name = created.Name });
        Assert.Equal("Người thứ nhất", read.Subject);
    }

    [Fact]
    public async Task ConcurrentWritersOfOneEtagCommitOnce()
    {
        var created = await Secretariat(Province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft() });
        var mask = new FieldMask { Paths = { "subject" } };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await Secretariat(Province, $"writer-{i}").UpdateDirectiveAsync(new UpdateDirectiveRequest
                {
                    Directive = new Directive { Name = created.Name, Subject = $"Người viết {i}", Etag = created.Etag },
                    UpdateMask = mask,
                });
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.Aborted, o));
        var history = await Viewer(Province).ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = created.Name });
        Assert.Equal(2, history.Entries.Count);
    }

    [Fact]
    public async Task ADuplicateNumberOnUpdateChangesNothing()
    {
        var client = Secretariat(Province);
        var number = SampleDirectives.NextNumber();
        await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft(number) });
        var other = await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft() });

        await ApiAssert.FailsAsync(
            () => client.UpdateDirectiveAsync(new UpdateDirectiveRequest
            {
                Directive = new Directive { Name = other.Name, NumberAndSymbol = number, Subject = "Đổi trích yếu", Etag = other.Etag },
                UpdateMask = new FieldMask { Paths = { "number_and_symbol", "subject" } },
            }),
            StatusCode.AlreadyExists,
            "DUPLICATE_NUMBER");

        Assert.Equal(other, await Viewer(Province).GetDirectiveAsync(new GetDirectiveRequest { Name = other.Name }));
        var history = await Viewer(Province).ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = other.Name });
        Assert.Single(history.Entries);
    }

    [Fact]
    public async Task DeleteHidesFromListsAndUndeleteRestores()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var created = await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(province), Directive = SampleDirectives.Draft() });

        var deleted = await client.DeleteDirectiveAsync(new DeleteDirectiveRequest { Name = created.Name, Etag = created.Etag });

        Assert.NotNull(deleted.DeleteTime);
        Assert.Equal(deleted.DeleteTime.ToDateTimeOffset().AddDays(30), deleted.PurgeTime.ToDateTimeOffset());
        Assert.Empty((await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = Parent(province) })).Directives);
        Assert.Single((await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = Parent(province), ShowDeleted = true })).Directives);
        Assert.Equal(deleted, await client.GetDirectiveAsync(new GetDirectiveRequest { Name = created.Name }));
        await ApiAssert.FailsAsync(
            () => client.UpdateDirectiveAsync(new UpdateDirectiveRequest { Directive = new Directive { Name = created.Name, Subject = "x" }, UpdateMask = new FieldMask { Paths = { "subject" } } }),
            StatusCode.FailedPrecondition,
            "RESOURCE_DELETED");

        var restored = await client.UndeleteDirectiveAsync(new UndeleteDirectiveRequest { Name = created.Name, Etag = deleted.Etag });

        Assert.Null(restored.DeleteTime);
        Assert.Single((await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = Parent(province) })).Directives);
        await ApiAssert.FailsAsync(
            () => client.UndeleteDirectiveAsync(new UndeleteDirectiveRequest { Name = created.Name }),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
    }

    [Fact]
    public async Task DeleteWithAStaleEtagIsAborted()
    {
        var client = Secretariat(Province);
        var created = await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = Parent(Province), Directive = SampleDirectives.Draft() });
        await client.UpdateDirectiveAsync(new UpdateDirectiveRequest { Directive = new Directive { Name = created.Name, Subject = "Mới" }, UpdateMask = new FieldMask { Paths = { "subject" } } });

        await ApiAssert.FailsAsync(() => client.DeleteDirectiveAsync(new DeleteDirectiveRequest { Name = created.Name, Etag = created.Etag }), StatusCode.Aborted, "ETAG_MISMATCH");
    }

    protected DirectiveService.DirectiveServiceClient Secretariat(string province, string subject = "thu-ky")
        => server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, province, subject: subject);

    protected DirectiveService.DirectiveServiceClient Viewer(string province)
        => server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Viewer, province);

    protected static string Parent(string province) => $"provinces/{province}";

    protected static string NewId() => "d-" + Guid.NewGuid().ToString("N")[..12];
}

[Collection(IntegrationCollection.Name)]
public sealed class DirectiveCrudTestsOnSqlite(SqliteServer server) : DirectiveCrudTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class DirectiveCrudTestsOnPostgreSql(PostgreSqlServer server) : DirectiveCrudTests(server), IClassFixture<PostgreSqlServer>;
