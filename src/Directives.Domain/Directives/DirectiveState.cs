namespace Directives.Domain.Directives;

/// <summary>
/// Where a directive is in its life: <see cref="Draft"/> → <see cref="Issued"/> → one of
/// <see cref="Superseded"/>, <see cref="Expired"/> or <see cref="Revoked"/>, which are final.
/// </summary>
public enum DirectiveState
{
    /// <summary>Being entered; not yet in force.</summary>
    Draft = 1,

    /// <summary>Ban hành: signed and in force.</summary>
    Issued = 2,

    /// <summary>Replaced by a later document, linked by <see cref="Directive.SupersededById"/>.</summary>
    Superseded = 3,

    /// <summary>Hết hiệu lực: its period is over (a directive for 2023 at the end of 2023).</summary>
    Expired = 4,

    /// <summary>Bãi bỏ, thu hồi: withdrawn by its issuer.</summary>
    Revoked = 5,
}
