using Directives.Data;
using Directives.Data.Changes;
using Directives.Domain.Agencies;
using Directives.Domain.Directives;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Directives.Bench;

/// <summary>
/// Fills a benchmark's province straight through the Data layer (seeding is not what is measured): 40
/// agencies of every kind, directives (200 tasks each, numbered 1–20 and 1.1–9.20) issued 2019–2024, with
/// the states, deadlines (2023–2025, a tenth standing), agency mixes and targets of real directives; with
/// <paramref name="issue"/> all but every tenth directive are issued (the rest stay drafts).
/// Deterministic for a given <paramref name="seed"/>.
/// </summary>
public sealed class ProvinceSeeder(IProvinceDbContextFactory databases, string provinceId, int seed = 42, bool issue = false)
{
    public const int AgencyCount = 40;
    public const int TasksPerDirective = 200;
    private const int Batch = 1_000;

    private static readonly ChangeActor Actor = new("bench-seed", "Benchmark", null, ["secretariat"]);
    private static readonly DateTimeOffset Created = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Titles =
    [
        "Tuyên truyền, phổ biến, giáo dục pháp luật về an ninh, trật tự",
        "Đấu tranh phòng, chống tội phạm và tệ nạn xã hội",
        "Bảo đảm trật tự an toàn giao thông",
        "Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        "Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
        "Tiếp nhận, giải quyết tin báo, tố giác tội phạm",
    ];

    private static readonly DocumentType[] Types = [DocumentType.ChiThi, DocumentType.KeHoach, DocumentType.CongVan, DocumentType.NghiQuyet];

    private readonly Random _random = new(seed);
    private readonly List<Guid> _agencies = [];
    private readonly List<(Guid Id, string ResourceId)> _directiveIds = [];

    /// <summary>The resource ids of the directives, in seeding order.</summary>
    public List<string> Directives { get; } = [];

    public async Task SeedAsync(int taskCount, TextWriter progress, CancellationToken cancellationToken)
    {
        var directiveCount = Math.Max(1, (taskCount + TasksPerDirective - 1) / TasksPerDirective);
        await using (var db = await databases.CreateAsync(provinceId, cancellationToken))
        {
            for (var i = 0; i < AgencyCount; i++)
            {
                var agency = Agency.Create(Guid.NewGuid(), (AgencyKind)((i % 9) + 1), $"Sở, ngành số {i + 1}");
                db.AddResource(agency, $"agency-{i}", Created);
                _agencies.Add(agency.Id);
            }

            var directives = new List<(Guid Id, string ResourceId)>();
            for (var i = 0; i < directiveCount; i++)
            {
                var year = 2019 + (i % 6);
                var type = issue ? Types[i % Types.Length] : DocumentType.ChiThi;
                var directive = Directive.CreateDraft(Guid.NewGuid(), new DirectiveDetails
                {
                    DocumentType = type,
                    NumberAndSymbol = $"{i + 1}-{Symbol(type)}/TU",
                    IssuingBody = "Ban Thường vụ Tỉnh ủy",
                    IssuedOn = new DateOnly(year, 1 + (i % 12), 1 + (i % 28)),
                    Subject = $"Chỉ thị về tăng cường bảo đảm an ninh, trật tự năm {year} (số {i + 1})",
                    Signer = new Signer("Nguyễn Hữu Nghĩa", "Bí thư"),
                });
                if (issue && i % 10 != 9)
                {
                    directive.Issue();
                }

                var resourceId = $"{year}-{i + 1}-{Symbol(type).ToLowerInvariant()}-tu";
                db.AddResource(directive, resourceId, Created);
                directives.Add((directive.Id, resourceId));
                Directives.Add(resourceId);
            }

            db.ChangeLog.Record(Change($"provinces/{provinceId}"));
            await db.SaveChangesAsync(cancellationToken);
            _directiveIds.AddRange(directives);
        }

        var perDirective = (taskCount + directiveCount - 1) / directiveCount;
        var written = 0;
        while (written < taskCount)
        {
            await using var db = await databases.CreateAsync(provinceId, cancellationToken);
            for (var i = 0; i < Batch && written < taskCount; i++, written++)
            {
                var (directiveId, directiveResourceId) = _directiveIds[written / perDirective];
                var index = written % perDirective;
                var number = index < 20 ? $"{index + 1}" : $"{index / 20}.{(index % 20) + 1}";
                db.AddTask(NewTask(directiveId, number), directiveResourceId, $"t{index + 1}", Created.AddSeconds(written));
            }

            // One change entry per batch: the change log needs one per save; seeding is not measured.
            db.ChangeLog.Record(Change($"provinces/{provinceId}"));
            await db.SaveChangesAsync(cancellationToken);
            if (written % 10_000 == 0)
            {
                await progress.WriteLineAsync($"seeded {written:N0} tasks");
            }
        }

        // After a bulk load, as a DBA would: the planners need row statistics to choose the agency index over a
        // scan of every open task (SQLite has none until ANALYZE; PostgreSQL's autovacuum would get there later).
        await using var analyzed = await databases.CreateAsync(provinceId, cancellationToken);
        await analyzed.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
    }

    private DirectiveTask NewTask(Guid directiveId, string number)
    {
        var lead = _agencies[_random.Next(_agencies.Count)];
        var cooperating = Enumerable.Range(0, _random.Next(4))
            .Select(_ => _agencies[_random.Next(_agencies.Count)])
            .Where(a => a != lead)
            .Distinct()
            .ToList();
        var deadline = _random.Next(10) switch
        {
            0 => Deadline.Standing,
            < 5 => Deadline.OnDate(new DateOnly(2023, 1, 1).AddDays(_random.Next(1100))),
            _ => Deadline.InPeriod(Period.OfQuarter(2023 + _random.Next(3), 1 + _random.Next(4))),
        };
        var task = DirectiveTask.Create(Guid.NewGuid(), directiveId, new TaskDetails
        {
            Number = number,
            Title = Titles[_random.Next(Titles.Length)],
            Content = "Các cơ quan, đơn vị chủ động nắm tình hình, đấu tranh phòng, chống tội phạm; báo cáo kết quả định kỳ 6 tháng, năm.",
            LeadAgencyId = lead,
            CooperatingAgencyIds = cooperating,
            OriginalDeadline = deadline,
            Targets =
            [
                new TargetDetails { Id = Guid.NewGuid(), Metric = "Tỷ lệ điều tra, khám phá án", Comparator = TargetComparator.Above, Value = 75m, Unit = "%" },
            ],
        });
        switch (_random.Next(10))
        {
            case < 3:
                task.Start();
                break;
            case < 6 when task.DueAt is { } due:
                task.Complete(due.AddDays(_random.Next(-60, 30)));
                break;
            case 6:
                task.Cancel("Không còn phù hợp");
                break;
        }

        return task;
    }

    private static string Symbol(DocumentType type) => type switch
    {
        DocumentType.ChiThi => "CT",
        DocumentType.KeHoach => "KH",
        DocumentType.CongVan => "CV",
        DocumentType.NghiQuyet => "NQ",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static ChangeEntry Change(string resourceName) => new()
    {
        ResourceName = resourceName,
        ResourceType = "directives.gov.vn/Province",
        Kind = ChangeKind.Updated,
        Method = "bench-seed",
        Actor = Actor,
    };
}
