using Directives.Domain.Directives;
using Directives.Domain.Tasks;

namespace Directives.Server.DemoData;

/// <summary>One demo directive and its tasks, created by <see cref="Build"/> if it had been entered by then.</summary>
internal sealed class DirectiveBuilder
{
    /// <summary>
    /// Opens the body of every directive not built from a seed: the demo's invented documents must
    /// never pass for a province's real ones.
    /// </summary>
    public const string IllustrativeNotice = "[Văn bản minh họa cho dữ liệu demo, không phải văn bản thật của tỉnh.]";

    private readonly DemoDataBuilder _data;
    private readonly DirectiveDetails _details;
    private readonly string? _monitoringAgency;
    private readonly DateOnly _recordedOn;
    private readonly string? _endAnchor;
    private readonly List<TaskBuilder> _tasks = [];
    private bool _issue;

    internal DirectiveBuilder(
        DemoDataBuilder data, string id, DirectiveDetails details, string? monitoringAgency, DateOnly? recordedOn, SeedDocument? seed, string? endAnchor)
    {
        _data = data;
        Id = id;
        Name = data.ResourceName($"directives/{id}");
        _details = details;
        _monitoringAgency = monitoringAgency;
        _recordedOn = recordedOn ?? details.IssuedOn
            ?? throw new ArgumentException($"Directive {id} has no issue date, so it needs the date it was entered.", nameof(recordedOn));
        Seed = seed;
        _endAnchor = endAnchor;
        if (seed is not null && endAnchor is null)
        {
            throw new ArgumentException($"Directive {id} is cut from {seed.FileName} and needs the anchor its last task ends at.", nameof(endAnchor));
        }
    }

    public string Id { get; }

    public string Name { get; }

    public SeedDocument? Seed { get; }

    /// <summary>The directive once built; null before <see cref="Build"/> or when left out.</summary>
    public Directive? Built { get; private set; }

    /// <summary>Issues the directive on its issue date (it stays a draft before it).</summary>
    public DirectiveBuilder Issue()
    {
        _issue = true;
        return this;
    }

    /// <summary>
    /// Declares a task. From a seed, <paramref name="anchor"/> is the words that open the task in the
    /// document and its content is cut from there; otherwise <paramref name="content"/> is given.
    /// </summary>
    /// <param name="number">As printed: "3", "3.1".</param>
    /// <param name="title">A short title.</param>
    /// <param name="lead">The catalogue id of the one lead agency (chủ trì).</param>
    /// <param name="cooperating">Catalogue ids of the cooperating agencies (phối hợp), in the document's order.</param>
    /// <param name="deadline">The deadline the document sets.</param>
    /// <param name="anchor">With a seed: the words that open the task.</param>
    /// <param name="content">Without a seed: the task's text.</param>
    public TaskBuilder Task(
        string number, string title, string lead, IReadOnlyList<string> cooperating, Deadline deadline, string? anchor = null, string content = "")
    {
        if ((Seed is null) != (anchor is null))
        {
            throw new ArgumentException($"Task {number} of {Id}: a task of a seeded directive needs an anchor, and only such a task.", nameof(anchor));
        }

        var task = new TaskBuilder(_data, $"{Name}/tasks/{number.Replace('.', '-')}", number, title, lead, cooperating, deadline, anchor, content);
        _tasks.Add(task);
        return task;
    }

    internal (DemoResource<Directive> Directive, IReadOnlyList<DemoResource<DirectiveTask>> Tasks)? Build()
    {
        if (!_data.Timeline.HasHappened(_recordedOn))
        {
            return null;
        }

        var details = _details with
        {
            MonitoringAgencyId = _monitoringAgency is null ? null : _data.Agencies.IdOf(_monitoringAgency),
            Body = Seed?.Body ?? IllustrativeBody(),
        };
        var directive = Domain.Directives.Directive.CreateDraft(_data.Register(Name), details);
        if (_issue && details.IssuedOn is { } issuedOn && _data.Timeline.HasHappened(issuedOn))
        {
            directive.Issue();
        }

        var contents = Seed is null
            ? _tasks.Select(t => t.Content).ToArray()
            : Seed.TaskContents(_tasks.Select(t => t.Anchor!).ToArray(), _endAnchor!);
        var taskDetails = _tasks.Select((t, i) => t.Details(contents[i])).ToArray();

        // The whole outline at once: numbers unique, every 3.1 under a 3, each task's own rules.
        TaskOutline.Validate(taskDetails);

        var tasks = _tasks.Select((t, i) => t.Build(directive.Id, taskDetails[i])).ToArray();
        Built = directive;
        return (new DemoResource<Directive>(Id, Name, directive), tasks);
    }

    // An invented directive's text: the notice, the preamble it was declared with, then its tasks.
    private string IllustrativeBody()
        => string.Join("\n\n", _tasks.Select(t => $"{t.Number}. {t.Content}").Prepend(_details.Body).Prepend(IllustrativeNotice));
}
