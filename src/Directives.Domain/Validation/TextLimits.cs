namespace Directives.Domain.Validation;

/// <summary>
/// Longest accepted text, in UTF-16 code units. Generous against the provinces' real documents (a
/// whole directive is about 40,000 characters), tight enough that one request cannot fill a database.
/// </summary>
public static class TextLimits
{
    /// <summary>Trích yếu: one line in the document, a few long ones in practice.</summary>
    public const int SubjectMaxLength = 1_000;

    /// <summary>A task's short title.</summary>
    public const int TitleMaxLength = 500;

    /// <summary>A task's verbatim content, which can run to several paragraphs.</summary>
    public const int ContentMaxLength = 50_000;

    /// <summary>A directive's full verbatim text.</summary>
    public const int BodyMaxLength = 500_000;

    /// <summary>A progress report's text.</summary>
    public const int ReportTextMaxLength = 50_000;

    /// <summary>Names of people, agencies and issuing bodies; job titles; recipients; the signer's lines.</summary>
    public const int NameMaxLength = 300;

    /// <summary>Place of issue, a unit, a metric's name.</summary>
    public const int ShortTextMaxLength = 200;

    /// <summary>Reasons, descriptions of legal bases, responsibility areas.</summary>
    public const int NoteMaxLength = 2_000;
}
