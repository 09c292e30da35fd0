using Directives.Domain.Committees;

namespace Directives.Server.DemoData;

/// <summary>A person on a demo committee as a decision lists them. The names are invented.</summary>
/// <param name="Position">Their seat: head, first deputy, standing deputy, deputy or member.</param>
/// <param name="PersonName">A fictional but plausible full name.</param>
/// <param name="Title">Their post in their agency: "Giám đốc Công an tỉnh".</param>
/// <param name="Agency">The catalogue id of their agency.</param>
/// <param name="Areas">The areas of responsibility the decision assigns.</param>
internal sealed record DemoMember(CommitteePosition Position, string PersonName, string Title, string Agency, IReadOnlyList<string> Areas);
