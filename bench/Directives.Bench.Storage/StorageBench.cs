using System.Diagnostics;
using System.Globalization;
using Directives.Data;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Microsoft.EntityFrameworkCore;

namespace Directives.Bench.Storage;

/// <summary>Seeds one province on one provider, then measures the ListTasks scenarios and CreateTask inserts.</summary>
internal sealed class StorageBench(string providerName, IProvinceDbContextFactory factory, ProvinceDatabaseMigrator migrator, BenchOptions options)
{
    private const int PageSize = 50;
    private const string ProvinceId = "bench-province";

    public async Task RunAsync(TextWriter report, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(ProvinceId, cancellationToken);
        var seeder = new Seeder(factory, ProvinceId);
        var seeding = Stopwatch.StartNew();
        await seeder.SeedAsync(options.Tasks, cancellationToken);
        Progress($"{providerName}: seeded {options.Tasks:N0} tasks in {seeding.Elapsed.TotalSeconds:F0} s");

        report.WriteLine($"### {providerName}: ListTasks-like queries, page of {PageSize}, {options.Tasks:N0} tasks in the province");
        report.WriteLine();
        report.WriteLine("| filter | order | first page p50 | first page p99 | next page p50 | next page p99 | count p50 |");
        report.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var scenario in Scenario.All(seeder))
        {
            var (first, next, count) = await MeasureAsync(scenario, cancellationToken);
            report.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {scenario.Order} | {first.Percentile(0.5):F2} ms | {first.Percentile(0.99):F2} ms | {next.Percentile(0.5):F2} ms | {next.Percentile(0.99):F2} ms | {count.Percentile(0.5):F2} ms |"));
        }

        report.WriteLine();
        var single = await InsertAsync(seeder, writers: 1, cancellationToken);
        var concurrent = await InsertAsync(seeder, writers: 8, cancellationToken);
        report.WriteLine($"CreateTask-like inserts (load the directive, look up the request_id, insert the task with its agency index, " +
            $"request_id record and change entry in one transaction): **{single:F0} tasks/s** with one writer, **{concurrent:F0} tasks/s** with 8 concurrent writers.");
        report.WriteLine();
    }

    private async Task<(Measurements First, Measurements Next, Measurements Count)> MeasureAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var first = new Measurements();
        var next = new Measurements();
        var count = new Measurements();
        var warmUp = Math.Max(5, options.Iterations / 10);
        for (var i = 0; i < options.Iterations + warmUp; i++)
        {
            var measured = i >= warmUp;
            var seed = random.Next();
            await using var db = await factory.CreateAsync(ProvinceId, cancellationToken);
            var firstTime = Stopwatch.GetTimestamp();
            var page = await scenario.Query(db, new Random(seed)).ListPageAsync(scenario.Order, scenario.Order == TaskOrder.UpdateTime, null, PageSize, cancellationToken);
            var firstElapsed = Stopwatch.GetElapsedTime(firstTime);
            if (page.Next is { } cursor)
            {
                var nextTime = Stopwatch.GetTimestamp();
                await scenario.Query(db, new Random(seed)).ListPageAsync(scenario.Order, scenario.Order == TaskOrder.UpdateTime, cursor, PageSize, cancellationToken);
                if (measured)
                {
                    next.Add(Stopwatch.GetElapsedTime(nextTime));
                }
            }

            if (measured)
            {
                first.Add(firstElapsed);
            }

            // total_size: counted once per request; measured on a fifth of the iterations.
            if (i % 5 == 0)
            {
                var countTime = Stopwatch.GetTimestamp();
                await scenario.Query(db, new Random(seed)).CountAsync(cancellationToken);
                if (measured)
                {
                    count.Add(Stopwatch.GetElapsedTime(countTime));
                }
            }
        }

        if (next.Count == 0)
        {
            next.Add(TimeSpan.Zero);
        }

        if (count.Count == 0)
        {
            count.Add(TimeSpan.Zero);
        }

        Progress($"{providerName}: {scenario.Name}: p50 {first.Percentile(0.5):F2} ms, p99 {first.Percentile(0.99):F2} ms");
        return (first, next, count);
    }

    private async Task<double> InsertAsync(Seeder seeder, int writers, CancellationToken cancellationToken)
    {
        var perWriter = options.Inserts / writers;
        var directive = seeder.Directives[^1];
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(
            async () =>
            {
                for (var i = 0; i < perWriter; i++)
                {
                    var requestId = Guid.NewGuid().ToString();
                    await using var db = await factory.CreateAsync(ProvinceId, cancellationToken);
                    var parent = await db.Directives.WithResourceId(directive.ResourceId).Stamped().SingleAsync(cancellationToken);
                    var retry = await db.Idempotency.FindAsync(requestId, Scenario.Now, cancellationToken);
                    if (retry is not null)
                    {
                        throw new InvalidOperationException("A new request_id was found.");
                    }

                    var number = Interlocked.Increment(ref _nextNumber).ToString(CultureInfo.InvariantCulture);
                    Domain.Tasks.DirectiveTask task;
                    lock (seeder)
                    {
                        task = seeder.NewTask(parent.Resource.Id, number);
                    }

                    var resourceId = ResourceIds.New();
                    var name = $"provinces/{ProvinceId}/directives/{directive.ResourceId}/tasks/{resourceId}";
                    var stamp = db.AddTask(task, directive.ResourceId, resourceId, Scenario.Now);
                    db.Idempotency.Remember(requestId, "/directives.v1.TaskService/CreateTask", new byte[32], name, null, Scenario.Now);
                    db.ChangeLog.Record(Seeder.Change(name, "/directives.v1.TaskService/CreateTask") with { Etag = stamp.Etag, RequestId = requestId });
                    await db.SaveChangesAsync(cancellationToken);
                }
            },
            cancellationToken)));
        var rate = perWriter * writers / started.Elapsed.TotalSeconds;
        Progress($"{providerName}: {writers} writer(s): {rate:F0} inserts/s");
        return rate;
    }

    // New tasks get top-level numbers beyond the seeded ones (1-20), unique across writers.
    private static int _nextNumber = 1000;

    private static void Progress(string message) => Console.Error.WriteLine(message);
}
