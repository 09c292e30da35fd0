using Directives.Contracts.V1;
using Directives.Server.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Task = System.Threading.Tasks.Task;
using Timeliness = Directives.Contracts.V1.Task.Types.Timeliness;

namespace Directives.Server.Tests.Tasks;

/// <summary>
/// Timeliness is computed when a task is read, from the server's clock and the province's time zone: a
/// deadline of 30/06/2024 ends at 23:59:59 that day in Asia/Ho_Chi_Minh, 16:59:59 UTC. The fixture's
/// clock is stopped either side of that instant (the province and its agencies are set up first, at
/// the real time).
/// </summary>
public abstract class TaskTimelinessTests(DirectivesServerFixture server) : IAsyncLifetime
{
    private static readonly DateTimeOffset LastSecond = new(2024, 6, 30, 16, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset NextDay = new(2024, 6, 30, 17, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        server.Clock.Reset();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheDeadlineEndsAtTheLastSecondOfItsDayInVietnam()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        server.Clock.Set(new DateTimeOffset(2024, 6, 1, 2, 0, 0, TimeSpan.Zero));
        var open = await scenario.CreateAsync("1", deadline: Deadlines.On(2024, 6, 30));
        var completedInTime = await scenario.CreateAsync("2", deadline: Deadlines.On(2024, 6, 30));
        var completedLate = await scenario.CreateAsync("3", deadline: Deadlines.On(2024, 6, 30));
        var standing = await scenario.CreateAsync("4", deadline: Deadlines.Standing());
        var quarter = await scenario.CreateAsync("5", deadline: Deadlines.Quarter(2024, 2));
        var cancelled = await scenario.CreateAsync("6", deadline: Deadlines.On(2024, 6, 1));
        await scenario.Secretariat().CancelTaskAsync(new CancelTaskRequest { Name = cancelled.Name, Reason = "Không còn phù hợp" });

        server.Clock.Set(LastSecond);
        var secretariat = scenario.Secretariat();
        var onTime = await secretariat.CompleteTaskAsync(new CompleteTaskRequest { Name = completedInTime.Name });
        Assert.Equal(Timeliness.OnTime, onTime.Timeliness);
        Assert.Equal(LastSecond, onTime.CompleteTime.ToDateTimeOffset());
        await AssertTimelinessAsync(scenario, open, Timeliness.InTime, daysLate: 0);
        await AssertTimelinessAsync(scenario, quarter, Timeliness.InTime, daysLate: 0);
        await AssertTimelinessAsync(scenario, standing, Timeliness.NotApplicable, daysLate: 0);
        await AssertTimelinessAsync(scenario, cancelled, Timeliness.NotApplicable, daysLate: 0);

        // One second later it is 1 July in Vietnam: open tasks due on 30 June are a day late.
        server.Clock.Set(NextDay);
        secretariat = scenario.Secretariat();
        var late = await secretariat.CompleteTaskAsync(new CompleteTaskRequest { Name = completedLate.Name });
        Assert.Equal(Timeliness.CompletedLate, late.Timeliness);
        Assert.Equal(1, late.DaysLate);
        await AssertTimelinessAsync(scenario, open, Timeliness.Overdue, daysLate: 1);
        await AssertTimelinessAsync(scenario, quarter, Timeliness.Overdue, daysLate: 1);
        await AssertTimelinessAsync(scenario, completedInTime, Timeliness.OnTime, daysLate: 0);

        // Timeliness changes with time alone: no write, the same etag.
        server.Clock.Set(NextDay.AddDays(10));
        var tenDaysLater = await scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = open.Name });
        Assert.Equal(11, tenDaysLater.DaysLate);
        Assert.Equal(open.Etag, tenDaysLater.Etag);

        // ListTasks derives it in SQL, at the same instant.
        server.Clock.Set(NextDay);
        Assert.Equal([open.Name, quarter.Name], await NamesAsync(scenario, "timeliness = OVERDUE"));
        Assert.Equal([completedInTime.Name], await NamesAsync(scenario, "timeliness = ON_TIME"));
        Assert.Equal([completedLate.Name], await NamesAsync(scenario, "timeliness = COMPLETED_LATE"));
        Assert.Equal([standing.Name, cancelled.Name], await NamesAsync(scenario, "timeliness = NOT_APPLICABLE"));
        Assert.Empty(await NamesAsync(scenario, "timeliness = IN_TIME"));
        Assert.Equal([completedInTime.Name, completedLate.Name, standing.Name, cancelled.Name], await NamesAsync(scenario, "timeliness != OVERDUE"));

        server.Clock.Set(LastSecond);
        Assert.Equal([open.Name, quarter.Name], await NamesAsync(scenario, "timeliness = IN_TIME"));
    }

    [Fact]
    public async Task ACompletionTimeAfterTheDeadlineDayIsLateAndOneInTheFutureInvalid()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        server.Clock.Set(new DateTimeOffset(2024, 7, 15, 3, 0, 0, TimeSpan.Zero));
        var task = await scenario.CreateAsync("1", deadline: Deadlines.On(2024, 6, 30));

        await ApiAssert.InvalidAsync(
            () => scenario.Secretariat().CompleteTaskAsync(new CompleteTaskRequest { Name = task.Name, CompleteTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero)) }),
            "complete_time");
        var completed = await scenario.Secretariat().CompleteTaskAsync(new CompleteTaskRequest
        {
            Name = task.Name,
            CompleteTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 7, 2, 16, 59, 0, TimeSpan.Zero)),
        });

        Assert.Equal(Timeliness.CompletedLate, completed.Timeliness);
        Assert.Equal(2, completed.DaysLate);
    }

    private static async Task AssertTimelinessAsync(TaskScenario scenario, Contracts.V1.Task task, Timeliness expected, int daysLate)
    {
        var read = await scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = task.Name });
        Assert.True(expected == read.Timeliness, $"Task {read.Number}: expected {expected}, got {read.Timeliness}");
        Assert.Equal(daysLate, read.DaysLate);
    }

    private static async Task<List<string>> NamesAsync(TaskScenario scenario, string filter)
        => [.. (await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, Filter = filter })).Tasks.Select(t => t.Name)];
}

[Collection(IntegrationCollection.Name)]
public sealed class TaskTimelinessTestsOnSqlite(SqliteServer server) : TaskTimelinessTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class TaskTimelinessTestsOnPostgreSql(PostgreSqlServer server) : TaskTimelinessTests(server), IClassFixture<PostgreSqlServer>;
