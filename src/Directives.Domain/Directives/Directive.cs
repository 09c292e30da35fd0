using Directives.Domain.Validation;

namespace Directives.Domain.Directives;

/// <summary>
/// A document that directs agencies (văn bản chỉ đạo): its identifying data, its verbatim text and
/// its life from draft to issued to superseded, expired or revoked. Its tasks are separate
/// aggregates (<see cref="Tasks.DirectiveTask"/>) that refer to it by id: a directive has tens of
/// tasks and a province tens of thousands, and each task changes on its own.
/// </summary>
public sealed class Directive
{
    private readonly List<LegalBasis> _legalBases = [];
    private readonly List<string> _recipients = [];

    private Directive()
    {
    }

    public Guid Id { get; private set; }

    public DocumentType DocumentType { get; private set; }

    /// <summary>Null only while a draft has not been numbered.</summary>
    public NumberAndSymbol? NumberAndSymbol { get; private set; }

    public string IssuingBody { get; private set; } = "";

    public string? Place { get; private set; }

    /// <summary>Null only while a draft has not been dated.</summary>
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>The year a number is unique within, with the province.</summary>
    public int? Year => IssuedOn?.Year;

    public string Subject { get; private set; } = "";

    public Signer? Signer { get; private set; }

    public IReadOnlyList<LegalBasis> LegalBases => _legalBases;

    public IReadOnlyList<string> Recipients => _recipients;

    public Guid? MonitoringAgencyId { get; private set; }

    public ReportingSchedule ReportingSchedule { get; private set; }

    public Confidentiality Confidentiality { get; private set; }

    public string Body { get; private set; } = "";

    public DirectiveState State { get; private set; }

    /// <summary>The document this one replaced.</summary>
    public Guid? SupersedesId { get; private set; }

    /// <summary>The document that replaced this one.</summary>
    public Guid? SupersededById { get; private set; }

    /// <summary>Whether agencies must still act on it.</summary>
    public bool IsInForce => State == DirectiveState.Issued;

    public static Directive CreateDraft(Guid id, DirectiveDetails details)
    {
        var violations = new ViolationCollector();
        violations.RequiredId("id", id);
        var directive = new Directive { Id = id, State = DirectiveState.Draft };
        directive.Apply(details, violations);
        return directive;
    }

    /// <summary>Replaces every field; an issued directive must stay complete enough to be issued.</summary>
    public void Update(DirectiveDetails details)
    {
        if (State is not (DirectiveState.Draft or DirectiveState.Issued))
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, $"A {State} directive is a closed record and cannot be edited.");
        }

        Apply(details, new ViolationCollector());
    }

    /// <summary>
    /// Ban hành: the directive comes into force, taking the number and date given here if any. A
    /// malformed number is invalid input; a directive still without number, date or signer is
    /// incomplete (<see cref="ErrorReasons.IncompleteResource"/>, listing what is missing).
    /// </summary>
    public void Issue(string? numberAndSymbol = null, DateOnly? issueDate = null)
    {
        RequireState(DirectiveState.Draft, DirectiveState.Issued);
        var violations = new ViolationCollector();
        var number = NumberAndSymbol;
        var issuedOn = issueDate ?? IssuedOn;
        if (numberAndSymbol is not null)
        {
            number = CheckNumber(numberAndSymbol, DocumentType, issuedOn, violations);
        }
        else if (issueDate is not null && number is not null)
        {
            // A new date must still agree with a year the number carries.
            CheckNumber(number.Text, DocumentType, issuedOn, violations);
        }

        CheckIssueDate(issueDate, violations);

        violations.ThrowIfAny();

        var missing = new ViolationCollector();
        CheckIssuable(number is not null, issuedOn is not null, Signer is not null, missing);
        if (missing.HasViolations)
        {
            throw new DomainRuleException(
                ErrorReasons.IncompleteResource,
                "A directive needs its number and symbol, issue date and signer to be issued.",
                missing.Violations.ToArray());
        }

        NumberAndSymbol = number;
        IssuedOn = issuedOn;
        State = DirectiveState.Issued;
    }

    /// <summary>
    /// Replaces this directive with <paramref name="successor"/>, linking both ways. Both must be
    /// issued and the successor not already replacing another document (state rules); it must be
    /// another directive, issued no earlier than this one (input rules).
    /// </summary>
    public void Supersede(Directive successor)
    {
        ArgumentNullException.ThrowIfNull(successor);
        RequireState(DirectiveState.Issued, DirectiveState.Superseded);

        var violations = new ViolationCollector();
        if (successor.Id == Id)
        {
            violations.Add(DirectiveFields.SupersededBy, "a directive cannot supersede itself");
            violations.ThrowIfAny();
        }

        if (successor.State != DirectiveState.Issued)
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, $"The superseding directive must be issued; it is {successor.State}.");
        }

        if (successor.SupersedesId is { } other && other != Id)
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, "The superseding directive already supersedes another directive.");
        }

        if (successor.IssuedOn < IssuedOn)
        {
            violations.Add(DirectiveFields.SupersededBy, $"the superseding directive was issued on {successor.IssuedOn:dd/MM/yyyy}, before this one ({IssuedOn:dd/MM/yyyy})");
        }

        violations.ThrowIfAny();
        State = DirectiveState.Superseded;
        SupersededById = successor.Id;
        successor.SupersedesId = Id;
    }

    /// <summary>Hết hiệu lực: the period the directive governed is over.</summary>
    public void Expire()
    {
        RequireState(DirectiveState.Issued, DirectiveState.Expired);
        State = DirectiveState.Expired;
    }

    /// <summary>Thu hồi, bãi bỏ: the issuer withdrew it.</summary>
    public void Revoke()
    {
        RequireState(DirectiveState.Issued, DirectiveState.Revoked);
        State = DirectiveState.Revoked;
    }

    private void RequireState(DirectiveState required, DirectiveState target)
    {
        if (State != required)
        {
            throw new DomainRuleException(
                ErrorReasons.InvalidStateTransition,
                $"A directive goes to {target} only from {required}; this one is {State}.");
        }
    }

    private void Apply(DirectiveDetails details, ViolationCollector violations)
    {
        ArgumentNullException.ThrowIfNull(details);

        violations.Defined(DirectiveFields.DocumentType, details.DocumentType);
        var number = string.IsNullOrWhiteSpace(details.NumberAndSymbol)
            ? null
            : CheckNumber(details.NumberAndSymbol, details.DocumentType, details.IssuedOn, violations);
        var issuingBody = violations.RequiredLine(DirectiveFields.IssuingBody, details.IssuingBody, TextLimits.NameMaxLength);
        var place = violations.OptionalLine(DirectiveFields.Place, details.Place, TextLimits.ShortTextMaxLength);
        CheckIssueDate(details.IssuedOn, violations);

        var subject = violations.RequiredLine(DirectiveFields.Subject, details.Subject, TextLimits.SubjectMaxLength);
        var signer = CheckSigner(details.Signer, violations.Nested(DirectiveFields.Signer));
        var legalBases = CheckLegalBases(details.LegalBases, number, violations);
        var recipients = CheckRecipients(details.Recipients, violations);
        if (details.MonitoringAgencyId == Guid.Empty)
        {
            violations.Add(DirectiveFields.MonitoringAgency, "is not a valid agency id");
        }

        const ReportingSchedule allSchedules = ReportingSchedule.Monthly | ReportingSchedule.Quarterly | ReportingSchedule.SixMonthly | ReportingSchedule.Annual;
        if ((details.ReportingSchedule & ~allSchedules) != 0)
        {
            violations.Add(DirectiveFields.ReportingSchedule, $"has unknown flags ({(int)details.ReportingSchedule})");
        }

        violations.Defined(DirectiveFields.Confidentiality, details.Confidentiality);
        var body = details.Body ?? "";
        if (body.Length > TextLimits.BodyMaxLength)
        {
            violations.Add(DirectiveFields.Body, $"is longer than {TextLimits.BodyMaxLength} characters ({body.Length})");
        }

        if (State != DirectiveState.Draft)
        {
            CheckIssuable(!string.IsNullOrWhiteSpace(details.NumberAndSymbol), details.IssuedOn is not null, details.Signer is not null, violations);
        }

        violations.ThrowIfAny();

        DocumentType = details.DocumentType;
        NumberAndSymbol = number;
        IssuingBody = issuingBody!;
        Place = place;
        IssuedOn = details.IssuedOn;
        Subject = subject!;
        Signer = signer;
        _legalBases.Clear();
        _legalBases.AddRange(legalBases);
        _recipients.Clear();
        _recipients.AddRange(recipients);
        MonitoringAgencyId = details.MonitoringAgencyId;
        ReportingSchedule = details.ReportingSchedule;
        Confidentiality = details.Confidentiality;
        Body = body;
    }

    private static void CheckIssueDate(DateOnly? issueDate, ViolationCollector violations)
    {
        if (issueDate is { Year: < Time.Period.MinYear or > Time.Period.MaxYear } day)
        {
            violations.Add(DirectiveFields.IssueDate, $"{day:dd/MM/yyyy} is outside {Time.Period.MinYear}..{Time.Period.MaxYear}");
        }
    }

    private static NumberAndSymbol? CheckNumber(string? text, DocumentType documentType, DateOnly? issueDate, ViolationCollector violations)
    {
        if (!Directives.NumberAndSymbol.TryParse(text, out var number, out var error))
        {
            violations.Add(DirectiveFields.NumberAndSymbol, error);
            return null;
        }

        if (number.DocumentType is { } named && Enum.IsDefined(documentType) && named != documentType)
        {
            violations.Add(DirectiveFields.NumberAndSymbol, $"the symbol {number.TypeCode} names a {named}, but the document type is {documentType}");
        }

        if (number.Year is { } year && issueDate is { } issuedOn && year != issuedOn.Year)
        {
            violations.Add(DirectiveFields.NumberAndSymbol, $"carries the year {year}, but the directive was issued in {issuedOn.Year}");
        }

        return number;
    }

    private static Signer? CheckSigner(Signer? signer, ViolationCollector violations)
    {
        if (signer is null)
        {
            return null;
        }

        var name = violations.RequiredLine("full_name", signer.FullName, TextLimits.NameMaxLength);
        var title = violations.RequiredLine("title", signer.Title, TextLimits.NameMaxLength);
        var onBehalfOf = violations.OptionalLine("on_behalf_of", signer.OnBehalfOf, TextLimits.NameMaxLength);
        return name is null || title is null ? null : new Signer(name, title, onBehalfOf);
    }

    private static List<LegalBasis> CheckLegalBases(IReadOnlyList<LegalBasis>? legalBases, NumberAndSymbol? own, ViolationCollector violations)
    {
        violations.AtMost(DirectiveFields.LegalBases, legalBases, ListLimits.LegalBases);
        var result = new List<LegalBasis>();
        var seen = new Dictionary<NumberAndSymbol, int>();
        for (var i = 0; i < (legalBases?.Count ?? 0); i++)
        {
            var basis = legalBases![i];
            var item = violations.Item(DirectiveFields.LegalBases, i);
            if (basis is null)
            {
                item.Add("", "is missing");
                continue;
            }

            var description = item.OptionalLine("description", basis.Description, TextLimits.NoteMaxLength);
            if (!Directives.NumberAndSymbol.TryParse(basis.NumberAndSymbol, out var reference, out var error))
            {
                item.Add("number_and_symbol", error);
                continue;
            }

            if (reference == own)
            {
                item.Add("number_and_symbol", "a directive cannot be its own legal basis");
            }
            else if (!seen.TryAdd(reference, i))
            {
                item.Add("number_and_symbol", $"{reference.Text} is already cited as legal_bases[{seen[reference]}]");
            }

            result.Add(new LegalBasis(reference.Text, basis.IssueDate, description));
        }

        return result;
    }

    private static List<string> CheckRecipients(IReadOnlyList<string>? recipients, ViolationCollector violations)
    {
        violations.AtMost(DirectiveFields.Recipients, recipients, ListLimits.Recipients);
        var result = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < (recipients?.Count ?? 0); i++)
        {
            var field = FieldPath.Item(DirectiveFields.Recipients, i);
            var recipient = violations.RequiredLine(field, recipients![i], TextLimits.NameMaxLength);
            if (recipient is null)
            {
                continue;
            }

            if (!seen.TryAdd(recipient, i))
            {
                violations.Add(field, $"repeats recipients[{seen[recipient]}]");
                continue;
            }

            result.Add(recipient);
        }

        return result;
    }

    private static void CheckIssuable(bool hasNumber, bool hasIssueDate, bool hasSigner, ViolationCollector violations)
    {
        if (!hasNumber)
        {
            violations.Add(DirectiveFields.NumberAndSymbol, "is required once the directive is issued");
        }

        if (!hasIssueDate)
        {
            violations.Add(DirectiveFields.IssueDate, "is required once the directive is issued");
        }

        if (!hasSigner)
        {
            violations.Add(DirectiveFields.Signer, "is required once the directive is issued");
        }
    }
}
