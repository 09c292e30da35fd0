using Directives.Contracts.V1;
using Directives.Server.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>ListTaskHistory: every mutation of a task, newest first, with who, when, which method and the task before and after.</summary>
public abstract class TaskHistoryTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task TheHistoryRecordsEveryMutationWithItsActorAndSnapshots()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var requestId = Guid.NewGuid().ToString();
        var created = await scenario.Secretariat("nguoi-tao").CreateTaskAsync(new CreateTaskRequest
        {
            Parent = scenario.Directive,
            Task = scenario.NewTask("1", TaskScenario.Police),
            RequestId = requestId,
        });
        var updated = await scenario.Secretariat("nguoi-sua").UpdateTaskAsync(new UpdateTaskRequest
        {
            Task = new Contracts.V1.Task { Name = created.Name, Title = "Tiêu đề đã sửa" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        });
        var report = await scenario.Officer(TaskScenario.Police).ReportProgressAsync(new ReportProgressRequest
        {
            Parent = created.Name,
            Report = new ProgressReport { Kind = ProgressReport.Types.Kind.AdHoc, Agency = scenario.Agency(TaskScenario.Police), Text = "Đang thực hiện.", PercentComplete = 60 },
        });
        var completed = await scenario.Officer(TaskScenario.Police).CompleteTaskAsync(new CompleteTaskRequest { Name = created.Name });

        var history = await scenario.Viewer().ListTaskHistoryAsync(new ListTaskHistoryRequest { Name = created.Name });

        Assert.Equal(
            [TaskMethodNames.CompleteTask, TaskMethodNames.ReportProgress, TaskMethodNames.UpdateTask, TaskMethodNames.CreateTask],
            history.Entries.Select(e => e.Method));
        var (complete, progress, update, create) = (history.Entries[0], history.Entries[1], history.Entries[2], history.Entries[3]);

        Assert.Equal("nguoi-tao", create.Actor.Subject);
        Assert.Equal("Trần Thị Thư Ký", create.Actor.DisplayName);
        Assert.Equal(["secretariat"], create.Actor.Roles);
        Assert.Equal(requestId, create.RequestId);
        Assert.Null(create.Before);
        Assert.Equal(created.WithoutTime(), create.After);
        Assert.Equal(created.RevisionId, create.RevisionId);

        Assert.Equal("nguoi-sua", update.Actor.Subject);
        Assert.Empty(update.RequestId);
        Assert.Equal(created.Title, update.Before.Title);
        Assert.Equal("Tiêu đề đã sửa", update.After.Title);
        Assert.Equal(updated.Etag, update.After.Etag);

        Assert.Equal(scenario.Agency(TaskScenario.Police), progress.Actor.Agency);
        Assert.Equal(["officer"], progress.Actor.Roles);
        Assert.Equal(60, progress.After.PercentComplete);
        Assert.Equal(report.SubmitTime, progress.After.LastReportTime);
        Assert.Equal(Contracts.V1.Task.Types.State.NotStarted, progress.Before.State);
        Assert.Equal(Contracts.V1.Task.Types.State.InProgress, progress.After.State);

        Assert.Equal(completed.WithoutTime(), complete.After);
        Assert.Equal(completed.RevisionId, complete.RevisionId);
        Assert.Equal(Contracts.V1.Task.Types.Timeliness.Unspecified, complete.After.Timeliness);
        Assert.True(history.Entries.Zip(history.Entries.Skip(1)).All(p => p.First.CommitTime.ToDateTimeOffset() >= p.Second.CommitTime.ToDateTimeOffset()));
    }

    [Fact]
    public async Task TheHistoryIsFilteredOrderedAndPaged()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var created = await scenario.CreateAsync("1");
        var client = scenario.Secretariat();
        for (var i = 1; i <= 4; i++)
        {
            await client.UpdateTaskAsync(new UpdateTaskRequest
            {
                Task = new Contracts.V1.Task { Name = created.Name, Title = $"Lần sửa {i}" },
                UpdateMask = new FieldMask { Paths = { "title" } },
            });
        }

        var updates = await scenario.Viewer().ListTaskHistoryAsync(new ListTaskHistoryRequest { Name = created.Name, Filter = $"method = \"{TaskMethodNames.UpdateTask}\"" });
        Assert.Equal(["Lần sửa 4", "Lần sửa 3", "Lần sửa 2", "Lần sửa 1"], updates.Entries.Select(e => e.After.Title));

        var titles = new List<string>();
        var request = new ListTaskHistoryRequest { Name = created.Name, OrderBy = "commit_time", PageSize = 2 };
        do
        {
            var page = await scenario.Viewer().ListTaskHistoryAsync(request);
            Assert.True(page.Entries.Count <= 2);
            titles.AddRange(page.Entries.Select(e => e.After.Title));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        Assert.Equal([created.Title, "Lần sửa 1", "Lần sửa 2", "Lần sửa 3", "Lần sửa 4"], titles);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class TaskHistoryTestsOnSqlite(SqliteServer server) : TaskHistoryTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class TaskHistoryTestsOnPostgreSql(PostgreSqlServer server) : TaskHistoryTests(server), IClassFixture<PostgreSqlServer>;
