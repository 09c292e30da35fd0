using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Infrastructure;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Directives;

/// <summary>The custom methods of DirectiveService and its history, through the real transport, on each storage provider.</summary>
public abstract class DirectiveLifecycleTests(DirectivesServerFixture server)
{
    private const string Province = "hung-yen";

    [Fact]
    public async Task IssueTakesTheNumberAndDateAndRefusesASecondIssue()
    {
        var client = Secretariat();
        var draft = SampleDirectives.Draft();
        draft.NumberAndSymbol = "";
        draft.IssueDate = null;
        var created = await Create(client, draft);
        var number = SampleDirectives.NextNumber();

        var issued = await client.IssueDirectiveAsync(new IssueDirectiveRequest
        {
            Name = created.Name,
            NumberAndSymbol = number,
            IssueDate = new Date { Year = 2024, Month = 3, Day = 5 },
            Etag = created.Etag,
        });

        Assert.Equal(Directive.Types.State.Issued, issued.State);
        Assert.Equal(number, issued.NumberAndSymbol);
        Assert.Equal(new Date { Year = 2024, Month = 3, Day = 5 }, issued.IssueDate);
        await ApiAssert.FailsAsync(() => client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = created.Name }), StatusCode.FailedPrecondition, "INVALID_STATE_TRANSITION");
    }

    [Fact]
    public async Task AnIncompleteDraftCannotBeIssued()
    {
        var client = Secretariat();
        var draft = SampleDirectives.Draft();
        draft.NumberAndSymbol = "";
        draft.Signer = null;
        var created = await Create(client, draft);

        var status = await ApiAssert.FailsAsync(() => client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = created.Name }), StatusCode.FailedPrecondition, "INCOMPLETE_RESOURCE");

        var failure = Grpc.StatusProto.RpcStatusExtensions.GetDetail<Google.Rpc.PreconditionFailure>(status);
        Assert.NotNull(failure);
        Assert.Contains(failure.Violations, v => v.Subject.Contains("number_and_symbol"));
        Assert.Contains(failure.Violations, v => v.Subject.Contains("signer"));
        Assert.Equal(Directive.Types.State.Draft, (await client.GetDirectiveAsync(new GetDirectiveRequest { Name = created.Name })).State);
    }

    [Fact]
    public async Task SupersedeLinksBothWaysInOneTransaction()
    {
        var client = Secretariat();
        var old = await client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = (await Create(client, SampleDirectives.Draft(year: 2022))).Name });
        var replacement = await client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = (await Create(client, SampleDirectives.Draft(year: 2023))).Name });

        var superseded = await client.SupersedeDirectiveAsync(new SupersedeDirectiveRequest { Name = old.Name, SupersededBy = replacement.Name, Etag = old.Etag });

        Assert.Equal(Directive.Types.State.Superseded, superseded.State);
        Assert.Equal(replacement.Name, superseded.SupersededBy);
        var successor = await client.GetDirectiveAsync(new GetDirectiveRequest { Name = replacement.Name });
        Assert.Equal(old.Name, successor.Supersedes);
        Assert.NotEqual(replacement.Etag, successor.Etag);
        var listed = await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{Province}", Filter = $"supersedes = \"{old.Name}\"" });
        Assert.Equal(replacement.Name, Assert.Single(listed.Directives).Name);

        var successorHistory = await client.ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = replacement.Name });
        Assert.Equal("/directives.v1.DirectiveService/SupersedeDirective", successorHistory.Entries[0].Method);
        Assert.Equal(successor, successorHistory.Entries[0].After);
        await ApiAssert.FailsAsync(
            () => client.ExpireDirectiveAsync(new ExpireDirectiveRequest { Name = old.Name }),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
    }

    [Fact]
    public async Task SupersedingByItselfOrAnUnknownDirectiveIsInvalid()
    {
        var client = Secretariat();
        var issued = await client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = (await Create(client, SampleDirectives.Draft())).Name });

        await ApiAssert.InvalidAsync(() => client.SupersedeDirectiveAsync(new SupersedeDirectiveRequest { Name = issued.Name, SupersededBy = issued.Name }), "superseded_by");
        await ApiAssert.FailsAsync(
            () => client.SupersedeDirectiveAsync(new SupersedeDirectiveRequest { Name = issued.Name, SupersededBy = $"provinces/{Province}/directives/khong-co" }),
            StatusCode.InvalidArgument,
            "UNKNOWN_REFERENCE");
    }

    [Fact]
    public async Task ExpireAndRevokeCloseIssuedDirectivesOnly()
    {
        var client = Secretariat();
        var draft = await Create(client, SampleDirectives.Draft());
        await ApiAssert.FailsAsync(() => client.RevokeDirectiveAsync(new RevokeDirectiveRequest { Name = draft.Name }), StatusCode.FailedPrecondition, "INVALID_STATE_TRANSITION");

        var toExpire = await client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = draft.Name });
        var toRevoke = await client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = (await Create(client, SampleDirectives.Draft())).Name });

        Assert.Equal(Directive.Types.State.Expired, (await client.ExpireDirectiveAsync(new ExpireDirectiveRequest { Name = toExpire.Name, Etag = toExpire.Etag })).State);
        Assert.Equal(Directive.Types.State.Revoked, (await client.RevokeDirectiveAsync(new RevokeDirectiveRequest { Name = toRevoke.Name })).State);
        await ApiAssert.FailsAsync(
            () => client.UpdateDirectiveAsync(new UpdateDirectiveRequest { Directive = new Directive { Name = toRevoke.Name, Subject = "Sửa" }, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "subject" } } }),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
    }

    [Fact]
    public async Task ValidateOnlyOnACustomMethodChangesNothing()
    {
        var client = Secretariat();
        var created = await Create(client, SampleDirectives.Draft());

        var validated = await client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = created.Name, ValidateOnly = true });

        Assert.Equal(Directive.Types.State.Issued, validated.State);
        Assert.Equal(created, await client.GetDirectiveAsync(new GetDirectiveRequest { Name = created.Name }));
        Assert.Single((await client.ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = created.Name })).Entries);
    }

    [Fact]
    public async Task HistoryRecordsWhoWhenWhichMethodAndTheDirectiveBeforeAndAfter()
    {
        var clerk = server.Client<DirectiveService.DirectiveServiceClient>(server.MintToken(RoleNames.Secretariat, Province, subject: "tran-van-an", displayName: "Trần Văn An"));
        var requestId = Guid.NewGuid().ToString();
        var created = await clerk.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{Province}", Directive = SampleDirectives.Draft(), RequestId = requestId });
        var issued = await Secretariat("le-thi-hoa").IssueDirectiveAsync(new IssueDirectiveRequest { Name = created.Name, Etag = created.Etag });

        var history = await Viewer().ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = created.Name });

        Assert.Equal(2, history.Entries.Count);
        var issue = history.Entries[0];
        Assert.Equal("/directives.v1.DirectiveService/IssueDirective", issue.Method);
        Assert.Equal("le-thi-hoa", issue.Actor.Subject);
        Assert.Equal(created, issue.Before);
        Assert.Equal(issued, issue.After);
        Assert.Equal(issued.RevisionId, issue.RevisionId);
        var creation = history.Entries[1];
        Assert.Equal("/directives.v1.DirectiveService/CreateDirective", creation.Method);
        Assert.Equal("tran-van-an", creation.Actor.Subject);
        Assert.Equal("Trần Văn An", creation.Actor.DisplayName);
        Assert.Equal(["secretariat"], creation.Actor.Roles);
        Assert.Equal(requestId, creation.RequestId);
        Assert.Null(creation.Before);
        Assert.Equal(created, creation.After);
        Assert.True(creation.CommitTime.ToDateTimeOffset() <= issue.CommitTime.ToDateTimeOffset());

        var oldestFirst = await Viewer().ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = created.Name, OrderBy = "commit_time", PageSize = 1 });
        Assert.Equal(creation, Assert.Single(oldestFirst.Entries));
        var next = await Viewer().ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = created.Name, OrderBy = "commit_time", PageSize = 1, PageToken = oldestFirst.NextPageToken });
        Assert.Equal(issue, Assert.Single(next.Entries));
        Assert.Empty(next.NextPageToken);
        var byActor = await Viewer().ListDirectiveHistoryAsync(new ListDirectiveHistoryRequest { Name = created.Name, Filter = "actor.subject = \"tran-van-an\"" });
        Assert.Equal(creation, Assert.Single(byActor.Entries));
    }

    [Fact]
    public async Task DeleteWithTasksNeedsForceAndUndeleteRestoresThem()
    {
        var province = await server.CreateProvinceAsync();
        var client = server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, province);
        var police = await server.Client<AgencyService.AgencyServiceClient>(RoleNames.Secretariat, province).CreateAgencyAsync(new CreateAgencyRequest
        {
            Parent = $"provinces/{province}",
            AgencyId = "cong-an-tinh",
            Agency = new Agency { DisplayName = "Công an tỉnh", Kind = Agency.Types.Kind.Police },
        });
        var directive = await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{province}", Directive = SampleDirectives.Draft() });
        var tasks = server.Client<TaskService.TaskServiceClient>(RoleNames.Secretariat, province);
        var task = await tasks.CreateTaskAsync(new CreateTaskRequest
        {
            Parent = directive.Name,
            TaskId = "1",
            Task = new Contracts.V1.Task { Number = "1", Title = "Tấn công trấn áp tội phạm", LeadAgency = police.Name, OriginalDeadline = new Deadline { Standing = true } },
        });

        await ApiAssert.FailsAsync(() => client.DeleteDirectiveAsync(new DeleteDirectiveRequest { Name = directive.Name }), StatusCode.FailedPrecondition, "HAS_DEPENDENTS");
        await client.DeleteDirectiveAsync(new DeleteDirectiveRequest { Name = directive.Name, Force = true });
        Assert.NotNull((await tasks.GetTaskAsync(new GetTaskRequest { Name = task.Name })).DeleteTime);

        await client.UndeleteDirectiveAsync(new UndeleteDirectiveRequest { Name = directive.Name });
        Assert.Null((await tasks.GetTaskAsync(new GetTaskRequest { Name = task.Name })).DeleteTime);
        await using var db = await server.OpenDatabaseAsync(province);
        var taskHistory = await db.ChangeLog.HistoryAsync(task.Name, null, 10, newestFirst: true, CancellationToken.None);
        Assert.Equal(["/directives.v1.DirectiveService/UndeleteDirective", "/directives.v1.DirectiveService/DeleteDirective", "/directives.v1.TaskService/CreateTask"], taskHistory.Select(r => r.Method));
    }

    private static async Task<Directive> Create(DirectiveService.DirectiveServiceClient client, Directive directive)
        => await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{Province}", Directive = directive });

    private DirectiveService.DirectiveServiceClient Secretariat(string subject = "thu-ky")
        => server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, Province, subject: subject);

    private DirectiveService.DirectiveServiceClient Viewer() => server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Viewer, Province);
}

[Collection(IntegrationCollection.Name)]
public sealed class DirectiveLifecycleTestsOnSqlite(SqliteServer server) : DirectiveLifecycleTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class DirectiveLifecycleTestsOnPostgreSql(PostgreSqlServer server) : DirectiveLifecycleTests(server), IClassFixture<PostgreSqlServer>;
