using Directives.Data;
using Directives.Data.Changes;
using Directives.Domain.Agencies;
using Directives.Domain.Directives;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;

namespace Directives.Bench.Storage;

/// <summary>
/// A province the size the indexes are designed for: 40 agencies, 500 directives and their tasks (100,000
/// by default), with the states, deadlines and agency mixes of real directives. Deterministic (seed 42).
/// </summary>
internal sealed class Seeder(IProvinceDbContextFactory factory, string provinceId)
{
    public const int AgencyCount = 40;
    public const int DirectiveCount = 500;
    private const int Batch = 1_000;

    private static readonly ChangeActor Seed = new("bench", "Benchmark", null, ["secretariat"]);
    private static readonly DateTimeOffset Created = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(42);

    public List<Guid> Agencies { get; } = [];

    public List<(Guid Id, string ResourceId)> Directives { get; } = [];

    public async Task SeedAsync(int taskCount, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateAsync(provinceId, cancellationToken))
        {
            for (var i = 0; i < AgencyCount; i++)
            {
                var agency = Agency.Create(Guid.NewGuid(), (AgencyKind)(i % 9 + 1), $"Sở, ngành số {i + 1} tỉnh Hưng Yên");
                db.AddResource(agency, $"agency-{i}", Created);
                Agencies.Add(agency.Id);
            }

            for (var i = 0; i < DirectiveCount; i++)
            {
                var year = 2019 + (i % 6);
                var directive = Directive.CreateDraft(Guid.NewGuid(), new DirectiveDetails
                {
                    DocumentType = DocumentType.ChiThi,
                    NumberAndSymbol = $"{i + 1}-CT/TU",
                    IssuingBody = "Ban Thường vụ Tỉnh ủy Hưng Yên",
                    IssuedOn = new DateOnly(year, 1 + (i % 12), 1 + (i % 28)),
                    Subject = $"Chỉ thị về tăng cường bảo đảm an ninh, trật tự năm {year} (số {i + 1})",
                    Signer = new Signer("Nguyễn Hữu Nghĩa", "Bí thư"),
                });
                var resourceId = $"{year}-{i + 1}-ct-tu";
                db.AddResource(directive, resourceId, Created);
                Directives.Add((directive.Id, resourceId));
            }

            db.ChangeLog.Record(Change($"provinces/{provinceId}", "seed"));
            await db.SaveChangesAsync(cancellationToken);
        }

        var perDirective = (taskCount + DirectiveCount - 1) / DirectiveCount;
        var written = 0;
        while (written < taskCount)
        {
            await using var db = await factory.CreateAsync(provinceId, cancellationToken);
            for (var i = 0; i < Batch && written < taskCount; i++, written++)
            {
                var (directiveId, directiveResourceId) = Directives[written / perDirective];
                var index = written % perDirective;
                var task = NewTask(directiveId, index < 20 ? $"{index + 1}" : $"{index / 20}.{index % 20 + 1}");
                db.AddTask(task, directiveResourceId, $"t{written % perDirective + 1}", Created.AddSeconds(written));
            }

            // One change entry per seeding batch: seeding is not what the benchmark measures.
            db.ChangeLog.Record(Change($"provinces/{provinceId}", "seed"));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A task as CreateTask makes one: numbered within its directive, a lead and 0-3 cooperating agencies, two targets.</summary>
    public DirectiveTask NewTask(Guid directiveId, string number)
    {
        var lead = Agencies[_random.Next(Agencies.Count)];
        var cooperating = Enumerable.Range(0, _random.Next(4))
            .Select(_ => Agencies[_random.Next(Agencies.Count)])
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
                new TargetDetails { Id = Guid.NewGuid(), Metric = "Tỷ lệ điều tra khám phá", Comparator = TargetComparator.Above, Value = 75m, Unit = "%" },
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

    public static ChangeEntry Change(string resourceName, string method) => new()
    {
        ResourceName = resourceName,
        ResourceType = "directives.gov.vn/Task",
        Kind = ChangeKind.Created,
        Method = method,
        Actor = Seed,
        After = new byte[600],
    };

    private static readonly string[] Titles =
    [
        "Tuyên truyền, phổ biến, giáo dục pháp luật về an ninh, trật tự",
        "Đấu tranh phòng, chống tội phạm về ma túy",
        "Bảo đảm trật tự an toàn giao thông",
        "Phòng, chống tội phạm lừa đảo chiếm đoạt tài sản trên không gian mạng",
        "Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
        "Kiểm tra, xử lý vi phạm về phòng cháy, chữa cháy",
        "Quản lý cư trú, vũ khí, vật liệu nổ và công cụ hỗ trợ",
        "Giải quyết khiếu nại, tố cáo, tranh chấp đất đai",
    ];
}
