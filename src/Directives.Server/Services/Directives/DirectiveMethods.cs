using Directives.Contracts.V1;

namespace Directives.Server.Services.Directives;

/// <summary>The full method names of DirectiveService, as the change log and idempotency records store them.</summary>
internal static class DirectiveMethods
{
    private static readonly string Prefix = "/" + DirectiveService.Descriptor.FullName + "/";

    public static readonly string CreateDirective = Prefix + nameof(CreateDirective);
    public static readonly string UpdateDirective = Prefix + nameof(UpdateDirective);
    public static readonly string DeleteDirective = Prefix + nameof(DeleteDirective);
    public static readonly string UndeleteDirective = Prefix + nameof(UndeleteDirective);
    public static readonly string IssueDirective = Prefix + nameof(IssueDirective);
    public static readonly string SupersedeDirective = Prefix + nameof(SupersedeDirective);
    public static readonly string ExpireDirective = Prefix + nameof(ExpireDirective);
    public static readonly string RevokeDirective = Prefix + nameof(RevokeDirective);
}
