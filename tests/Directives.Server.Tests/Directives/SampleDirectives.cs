using Directives.Contracts.V1;

namespace Directives.Server.Tests.Directives;

/// <summary>Directives as a secretariat enters them, modelled on Tiền Giang's 15/CT-UBND.</summary>
internal static class SampleDirectives
{
    private static int _next = 100;

    /// <summary>A fresh number, unique in the test run: "{n}/CT-UBND".</summary>
    public static string NextNumber() => $"{Interlocked.Increment(ref _next)}/CT-UBND";

    public static Directive Draft(string? number = null, int year = 2023, string subject = "Về công tác bảo đảm an ninh, trật tự năm 2023 trên địa bàn tỉnh")
    {
        var directive = new Directive
        {
            DocumentType = DocumentType.Directive,
            NumberAndSymbol = number ?? NextNumber(),
            IssuingBody = "Ủy ban nhân dân tỉnh",
            IssuingBodyKind = IssuingBodyKind.ProvincialPeoplesCommittee,
            Place = "Mỹ Tho",
            IssueDate = new Date { Year = year, Month = 12, Day = 19 },
            Subject = subject,
            Signer = new Signer { FullName = "Nguyễn Văn Vinh", Title = "Chủ tịch", OnBehalfOf = "TM. ỦY BAN NHÂN DÂN" },
            Body = "Chỉ thị về công tác bảo đảm an ninh, trật tự.",
            ReportingSchedule = new ReportingSchedule { Frequencies = { ReportingSchedule.Types.Frequency.SixMonthly, ReportingSchedule.Types.Frequency.Annual } },
        };
        directive.Recipients.Add("Bộ Công an");
        directive.Recipients.Add("Các sở, ban, ngành tỉnh");
        directive.LegalBases.Add(new DocumentReference { NumberAndSymbol = "14-NQ/TU", IssueDate = new Date { Year = year, Month = 12, Day = 19 } });
        return directive;
    }
}
