using System.Linq.Expressions;
using Directives.Domain.Directives;
using Directives.Domain.Search;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ContractTask = Directives.Contracts.V1.Task;

namespace Directives.Server.Tests.Api;

/// <summary>How a task-like row might be stored: every kind of filter field, and the shapes EF Core maps them to.</summary>
public sealed class Thing
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public TaskState State { get; set; }

    public BodyKind? BodyKind { get; set; }

    public DocumentType DocumentType { get; set; }

    /// <summary>VietnameseText.NormalizeForSearch of the title, as the Data layer stores it.</summary>
    public string? TitleSearch { get; set; }

    public string Code { get; set; } = "";

    public string Lead { get; set; } = "";

    public string? ParentTask { get; set; }

    public List<ThingAgency> Cooperating { get; set; } = [];

    public List<ThingName> Names { get; set; } = [];

    public DateOnly? IssueDate { get; set; }

    public DateTime? DeadlineTime { get; set; }

    public DateTime? CompletedAt { get; set; }

    public int Percent { get; set; }

    public double? Score { get; set; }

    public bool Standing { get; set; }
}

public sealed class ThingAgency
{
    public int Id { get; set; }

    public string Agency { get; set; } = "";
}

public sealed class ThingName
{
    public int Id { get; set; }

    public string Folded { get; set; } = "";
}

/// <summary>Named like IssuingBodyKind's values, so the default by-name conversion applies.</summary>
public enum BodyKind
{
    ProvincialPartyCommittee = 1,
    ProvincialPeoplesCommittee = 2,
    ProvincialPeoplesCouncil = 3,
    SteeringCommittee = 4,
    OtherIssuingBody = 5,
}

public sealed class ThingContext(DbContextOptions<ThingContext> options) : DbContext(options)
{
    public DbSet<Thing> Things => Set<Thing>();
}

/// <summary>A filter schema with a field of every kind, its mapping onto <see cref="Thing"/>, and five things to filter.</summary>
internal static class ThingModel
{
    public const string CongAn = "provinces/p/agencies/cong-an";
    public const string SoGd = "provinces/p/agencies/so-gd";
    public const string Mttq = "provinces/p/agencies/mttq";
    public const string Task1 = "provinces/p/directives/d/tasks/1";

    /// <summary>The instant "now" for timeliness.</summary>
    public static readonly DateTime Now = new(2024, 10, 15, 0, 0, 0, DateTimeKind.Utc);

    public static FilterSchema Schema { get; } = new(
        "ListThings",
        FilterField.Enum<ContractTask.Types.State>("state"),
        FilterField.Enum<ContractTask.Types.Timeliness>("timeliness"),
        FilterField.Enum<Contracts.V1.IssuingBodyKind>("body_kind"),
        FilterField.Enum<Contracts.V1.DocumentType>("document_type"),
        FilterField.Text("title"),
        FilterField.String("code"),
        FilterField.ResourceName("lead", AgencyName.Pattern),
        FilterField.ResourceName("parent_task", TaskName.Pattern, acceptsEmpty: true),
        FilterField.Repeated(FilterField.ResourceName("cooperating", AgencyName.Pattern)),
        FilterField.AnyOfFields("agency", "lead", "cooperating"),
        FilterField.Repeated(FilterField.Text("names")),
        FilterField.Date("issue_date"),
        FilterField.Timestamp("deadline_time"),
        FilterField.Integer("percent"),
        FilterField.Number("score"),
        FilterField.Bool("standing"));

    public static FilterMapping<Thing> Mapping { get; } = new FilterMapping<Thing>(Schema)
        .Map("state", t => t.State)
        .MapCondition("timeliness", Timeliness)
        .Map("body_kind", t => t.BodyKind)
        .Map("document_type", t => t.DocumentType, value => (int)value == 0 ? null : (DocumentType)(int)value)
        .Map("title", t => t.TitleSearch)
        .Map("code", t => t.Code)
        .Map("lead", t => t.Lead)
        .Map("parent_task", t => t.ParentTask)
        .Map("cooperating", t => t.Cooperating.Select(c => c.Agency))
        .Map("names", t => t.Names.Select(n => n.Folded))
        .Map("issue_date", t => t.IssueDate)
        .Map("deadline_time", t => t.DeadlineTime)
        .Map("percent", t => t.Percent)
        .Map("score", t => t.Score)
        .Map("standing", t => t.Standing)
        .EnsureComplete();

    public static Thing[] Create() =>
    [
        new()
        {
            Name = "t1", State = TaskState.InProgress, BodyKind = global::Directives.Server.Tests.Api.BodyKind.ProvincialPartyCommittee, DocumentType = DocumentType.ChiThi,
            TitleSearch = Fold("Tuyên truyền, phổ biến pháp luật về an ninh, trật tự"), Code = "15/CT-UBND", Lead = CongAn, ParentTask = null,
            Cooperating = [new() { Agency = SoGd }, new() { Agency = Mttq }], Names = [Named("Công an tỉnh"), Named("Ty Công an")],
            IssueDate = new DateOnly(2023, 1, 5), DeadlineTime = Utc(2024, 9, 30, 16, 59, 59), Percent = 40, Score = 75.5,
        },
        new()
        {
            Name = "t2", State = TaskState.Completed, BodyKind = null, DocumentType = DocumentType.CongVan,
            TitleSearch = Fold("Đấu tranh phòng, chống tội phạm ma túy"), Code = "2157-CV/TU", Lead = SoGd, ParentTask = Task1,
            Cooperating = [new() { Agency = CongAn }], Names = [Named("Sở Giáo dục")],
            IssueDate = new DateOnly(2024, 3, 1), DeadlineTime = Utc(2024, 12, 31, 16, 59, 59), CompletedAt = Utc(2024, 12, 1, 3, 0, 0),
            Percent = 100, Score = null,
        },
        new()
        {
            Name = "t3", State = TaskState.NotStarted, BodyKind = global::Directives.Server.Tests.Api.BodyKind.ProvincialPeoplesCommittee, DocumentType = DocumentType.ChiThi,
            TitleSearch = null, Code = "38-CT/TU", Lead = CongAn, ParentTask = "",
            IssueDate = null, DeadlineTime = null, Percent = 0, Score = 90, Standing = true,
        },
        new()
        {
            Name = "t4", State = TaskState.Cancelled, BodyKind = global::Directives.Server.Tests.Api.BodyKind.SteeringCommittee, DocumentType = DocumentType.ChiThi,
            TitleSearch = Fold("Chỉ thị về an ninh nông thôn"), Code = "15/CT-UBND-2", Lead = Mttq, ParentTask = Task1,
            Cooperating = [new() { Agency = CongAn }, new() { Agency = SoGd }], Names = [Named("Mặt trận Tổ quốc"), Named("Ủy ban MTTQ")],
            IssueDate = new DateOnly(2022, 12, 19), DeadlineTime = Utc(2023, 6, 30, 16, 59, 59), Percent = 10, Score = 60.25,
        },
        new()
        {
            Name = "t5", State = TaskState.InProgress, BodyKind = null, DocumentType = DocumentType.KeHoach,
            TitleSearch = Fold("AN NINH"), Code = "99/KH-UBND", Lead = SoGd, ParentTask = null,
            Names = [Named("Sở GD&ĐT")],
            IssueDate = new DateOnly(2023, 7, 1), DeadlineTime = Utc(2023, 9, 30, 16, 59, 59), Percent = 55, Score = null,
        },
    ];

    /// <summary>A real SQLite database in memory (the connection keeps it alive), created and seeded.</summary>
    public static ThingContext OpenDatabase(out SqliteConnection connection)
    {
        connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var context = new ThingContext(new DbContextOptionsBuilder<ThingContext>().UseSqlite(connection).Options);
        context.Database.EnsureCreated();
        context.Things.AddRange(Create());
        context.SaveChanges();
        context.ChangeTracker.Clear();
        return context;
    }

    // Derived, as the Domain README says the Data layer computes it: a predicate per value, as of Now.
    private static Expression<Func<Thing, bool>> Timeliness(FilterCondition condition)
    {
        var now = Now;
        Expression<Func<Thing, bool>> matches = (ContractTask.Types.Timeliness)(int)condition.Value switch
        {
            ContractTask.Types.Timeliness.OnTime => t => t.State == TaskState.Completed && t.DeadlineTime != null && t.CompletedAt <= t.DeadlineTime,
            ContractTask.Types.Timeliness.CompletedLate => t => t.State == TaskState.Completed && t.DeadlineTime != null && t.CompletedAt > t.DeadlineTime,
            ContractTask.Types.Timeliness.Overdue => t => (t.State == TaskState.NotStarted || t.State == TaskState.InProgress) && t.DeadlineTime != null && t.DeadlineTime < now,
            ContractTask.Types.Timeliness.InTime => t => (t.State == TaskState.NotStarted || t.State == TaskState.InProgress) && t.DeadlineTime != null && t.DeadlineTime >= now,
            ContractTask.Types.Timeliness.NotApplicable => t => t.State == TaskState.Cancelled || t.DeadlineTime == null,
            _ => t => false,
        };
        return condition.Operator == FilterOperator.NotEqual
            ? Expression.Lambda<Func<Thing, bool>>(Expression.Not(matches.Body), matches.Parameters)
            : matches;
    }

    private static string Fold(string text) => VietnameseText.NormalizeForSearch(text);

    private static ThingName Named(string text) => new() { Folded = Fold(text) };

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) => new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
