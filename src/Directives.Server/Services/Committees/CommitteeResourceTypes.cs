using Directives.Server.Api;

namespace Directives.Server.Services.Committees;

/// <summary>The resource types of a committee and its parts, as change events name them.</summary>
internal static class CommitteeResourceTypes
{
    public static readonly string Committee = CommitteeName.Pattern.Type;
    public static readonly string Composition = CompositionName.Pattern.Type;
    public static readonly string Member = MemberName.Pattern.Type;
}
