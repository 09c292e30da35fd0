namespace Directives.Domain.Directives;

/// <summary>The two ways Vietnamese documents are numbered.</summary>
public enum NumberingStyle
{
    /// <summary>State bodies: number/[year/]TYPE-ISSUER, e.g. <c>15/CT-UBND</c>, <c>03/2019/NĐ-CP</c>.</summary>
    State = 1,

    /// <summary>Party bodies: number-TYPE/ISSUER, e.g. <c>38-CT/TU</c>, <c>2157-CV/TU</c>.</summary>
    Party = 2,
}
