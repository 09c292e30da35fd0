using Directives.Contracts.V1;
using Directives.Domain.Validation;
using Directives.Server.Auth;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// A report's submitter in the domain's one line of text (<c>ProgressReport.SubmittedBy</c>, a person as
/// a reader would name them): <c>Nguyễn Thị Lan &lt;subject&gt;</c>, the display name followed by the
/// token's subject in angle brackets, so that <c>submitter.subject</c> can be filtered on and shown.
/// Text without a bracketed subject (the demo's invented reports) is a display name alone.
/// </summary>
internal static class SubmitterText
{
    private const char Open = '<';
    private const char Close = '>';

    public static string Format(CallerIdentity caller)
    {
        var subject = $"{Open}{caller.Subject}{Close}";
        var name = caller.DisplayName?.Trim() ?? "";
        var room = TextLimits.NameMaxLength - subject.Length - 1;
        if (name.Length > room)
        {
            name = room > 0 ? name[..room].TrimEnd() : "";
        }

        return name.Length == 0 ? subject : $"{name} {subject}";
    }

    /// <summary>The text a stored submitter line ends with when <paramref name="subject"/> submitted it.</summary>
    public static string SuffixOf(string subject) => $"{Open}{subject}{Close}";

    public static Actor ToActor(string submittedBy)
    {
        var text = submittedBy.Trim();
        var open = text.LastIndexOf(Open);
        if (!text.EndsWith(Close) || open < 0)
        {
            return new Actor { DisplayName = text };
        }

        return new Actor { Subject = text[(open + 1)..^1], DisplayName = text[..open].TrimEnd() };
    }
}
