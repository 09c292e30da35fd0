using Directives.Domain.Directives;
using Directives.Domain.Validation;

namespace Directives.Domain.Tests.Directives;

public class DirectiveTests
{
    private static readonly Guid PoliceId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    // Tiền Giang's 15/CT-UBND as its first and last pages show it.
    internal static DirectiveDetails TienGiang15() => new()
    {
        DocumentType = DocumentType.ChiThi,
        NumberAndSymbol = "15/CT-UBND",
        IssuingBody = "Ủy ban nhân dân tỉnh Tiền Giang",
        Place = "Tiền Giang",
        IssuedOn = new DateOnly(2022, 12, 19),
        Subject = "Về công tác bảo đảm an ninh, trật tự năm 2023 trên địa bàn tỉnh Tiền Giang",
        Signer = new Signer("Nguyễn Văn Vinh", "Chủ tịch"),
        LegalBases = [new LegalBasis("14-NQ/TU", new DateOnly(2022, 12, 19), "của Ban Thường vụ Tỉnh ủy về lãnh đạo thực hiện nhiệm vụ đảm bảo ANTT năm 2023")],
        Recipients = ["VPCP", "Bộ Công an", "TTTU, TT. HĐND tỉnh", "CT, các PCT", "UBND các H, TP, TX", "Lưu: VT, NC"],
        MonitoringAgencyId = PoliceId,
        ReportingSchedule = ReportingSchedule.SixMonthly | ReportingSchedule.Annual,
        Body = "Ngày 19/12/2022, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 14-NQ/TU…\r\n  kept   verbatim  ",
    };

    [Fact]
    public void CreateDraft_KeepsEveryField()
    {
        var details = TienGiang15();
        var directive = Directive.CreateDraft(Guid.NewGuid(), details);

        Assert.Equal(DirectiveState.Draft, directive.State);
        Assert.Equal(DocumentType.ChiThi, directive.DocumentType);
        Assert.Equal("15/CT-UBND", directive.NumberAndSymbol!.Text);
        Assert.Equal("Ủy ban nhân dân tỉnh Tiền Giang", directive.IssuingBody);
        Assert.Equal("Tiền Giang", directive.Place);
        Assert.Equal(2022, directive.Year);
        Assert.Equal(details.Subject, directive.Subject);
        Assert.Equal(new Signer("Nguyễn Văn Vinh", "Chủ tịch"), directive.Signer);
        Assert.Equal("14-NQ/TU", Assert.Single(directive.LegalBases).NumberAndSymbol);
        Assert.Equal(details.Recipients, directive.Recipients);
        Assert.Equal(PoliceId, directive.MonitoringAgencyId);
        Assert.Equal(ReportingSchedule.SixMonthly | ReportingSchedule.Annual, directive.ReportingSchedule);
        Assert.Equal(Confidentiality.Normal, directive.Confidentiality);
        Assert.Equal(details.Body, directive.Body);
        Assert.False(directive.IsInForce);
    }

    [Fact]
    public void CreateDraft_TrimsLinesButKeepsTheBodyVerbatim()
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { Subject = "  Về ANTT  ", Body = "  a\n\n b  " });
        Assert.Equal("Về ANTT", directive.Subject);
        Assert.Equal("  a\n\n b  ", directive.Body);
    }

    [Fact]
    public void CreateDraft_AllowsAnUnnumberedUndatedUnsignedDraft()
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { NumberAndSymbol = null, IssuedOn = null, Signer = null });
        Assert.Null(directive.NumberAndSymbol);
        Assert.Null(directive.Year);
    }

    [Fact]
    public void CreateDraft_ReportsEveryProblemAtOnce()
    {
        var details = TienGiang15() with
        {
            DocumentType = (DocumentType)42,
            NumberAndSymbol = "15 CT-UBND",
            IssuingBody = " ",
            Place = new string('x', 201),
            Subject = new string('s', 1_001),
            Signer = new Signer("", "Chủ tịch"),
            LegalBases = [new LegalBasis("14 NQ/TU"), new LegalBasis("38-CT/TU"), new LegalBasis("38 - CT/TU")],
            Recipients = ["Bộ Công an", "", "Bộ Công an"],
            MonitoringAgencyId = Guid.Empty,
            ReportingSchedule = (ReportingSchedule)64,
            Confidentiality = 0,
            Body = new string('b', 500_001),
        };

        var fields = Violations.Of(() => Directive.CreateDraft(Guid.Empty, details));

        Assert.Equal(
            [
                "id", "document_type", "number_and_symbol", "issuing_body", "place", "subject", "signer.full_name",
                "legal_bases[0].number_and_symbol", "legal_bases[2].number_and_symbol", "recipients[1]", "recipients[2]",
                "monitoring_agency", "reporting_schedule", "confidentiality", "body",
            ],
            fields);
    }

    [Fact]
    public void Lists_AreCappedAsTheApiDocuments()
    {
        var recipients = Enumerable.Range(1, 201).Select(i => $"UBND xã {i}").ToArray();
        var legalBases = Enumerable.Range(1, 101).Select(i => new LegalBasis($"{i}-NQ/TU")).ToArray();
        Assert.Equal(
            ["legal_bases", "recipients"],
            Violations.Of(() => Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { Recipients = recipients, LegalBases = legalBases })));

        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { Recipients = recipients[..200], LegalBases = legalBases[..100] });
        Assert.Equal(200, directive.Recipients.Count);
        Assert.Equal(100, directive.LegalBases.Count);
    }

    [Fact]
    public void Violations_DescribeTheProblem()
    {
        var error = Assert.Throws<DomainValidationException>(() => Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { Subject = "" }));
        var violation = Assert.Single(error.Violations);
        Assert.Equal(new FieldViolation("subject", "is required"), violation);
        Assert.Equal("directive.subject", violation.WithPrefix("directive").Field);
        Assert.Contains("subject", error.Message);
    }

    [Fact]
    public void NumberAndSymbol_MustNameTheDocumentType()
    {
        var fields = Violations.Of(() => Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { DocumentType = DocumentType.CongVan }));
        Assert.Equal(["number_and_symbol"], fields);

        // A state-style letter has no type code to disagree with.
        var letter = Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { DocumentType = DocumentType.CongVan, NumberAndSymbol = "125/UBND-NC" });
        Assert.Equal(DocumentType.CongVan, letter.DocumentType);
    }

    [Fact]
    public void NumberAndSymbol_YearMustMatchTheIssueDate()
    {
        var details = TienGiang15() with { DocumentType = DocumentType.QuyetDinh, NumberAndSymbol = "05/2023/QĐ-UBND" };
        Assert.Equal(["number_and_symbol"], Violations.Of(() => Directive.CreateDraft(Guid.NewGuid(), details)));
        Directive.CreateDraft(Guid.NewGuid(), details with { IssuedOn = new DateOnly(2023, 3, 1) });
    }

    [Fact]
    public void LegalBases_CannotCiteTheDirectiveItself()
    {
        var details = TienGiang15() with { LegalBases = [new LegalBasis("15/CT-UBND")] };
        Assert.Equal(["legal_bases[0].number_and_symbol"], Violations.Of(() => Directive.CreateDraft(Guid.NewGuid(), details)));
    }

    [Fact]
    public void Issue_PutsADraftInForce()
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15());
        directive.Issue();
        Assert.Equal(DirectiveState.Issued, directive.State);
        Assert.True(directive.IsInForce);
    }

    [Fact]
    public void Issue_NeedsNumberDateAndSigner()
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { NumberAndSymbol = null, IssuedOn = null, Signer = null });
        var error = Violations.Rule(() => directive.Issue());
        Assert.Equal(ErrorReasons.IncompleteResource, error.Reason);
        Assert.Equal(["number_and_symbol", "issue_date", "signer"], error.Violations.Select(v => v.Field));
        Assert.Equal(DirectiveState.Draft, directive.State);
    }

    [Fact]
    public void Issue_TakesTheNumberAndDateGivenWithIt()
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { NumberAndSymbol = null, IssuedOn = null });
        directive.Issue("15/CT-UBND", new DateOnly(2022, 12, 19));
        Assert.Equal(DirectiveState.Issued, directive.State);
        Assert.Equal("15/CT-UBND", directive.NumberAndSymbol!.Text);
        Assert.Equal(new DateOnly(2022, 12, 19), directive.IssuedOn);
    }

    [Fact]
    public void Issue_RejectsAMalformedOrMismatchedNumberAsInput()
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { NumberAndSymbol = null });
        Assert.Equal(["number_and_symbol"], Violations.Of(() => directive.Issue("15 CT-UBND")));
        Assert.Equal(["number_and_symbol"], Violations.Of(() => directive.Issue("2157-CV/TU")));
        Assert.Equal(DirectiveState.Draft, directive.State);
        Assert.Null(directive.NumberAndSymbol);

        var dated = Directive.CreateDraft(Guid.NewGuid(), TienGiang15() with { DocumentType = DocumentType.QuyetDinh, NumberAndSymbol = "05/2022/QĐ-UBND" });
        Assert.Equal(["number_and_symbol"], Violations.Of(() => dated.Issue(issueDate: new DateOnly(2023, 1, 5))));
        Assert.Equal(new DateOnly(2022, 12, 19), dated.IssuedOn);
    }

    [Fact]
    public void Update_OfAnIssuedDirectiveKeepsItIssuable()
    {
        var directive = Issued();
        Assert.Equal(["signer"], Violations.Of(() => directive.Update(TienGiang15() with { Signer = null })));
        directive.Update(TienGiang15() with { Subject = "Về công tác bảo đảm ANTT năm 2023" });
        Assert.Equal("Về công tác bảo đảm ANTT năm 2023", directive.Subject);
    }

    [Fact]
    public void Update_ReplacesListsInOrder()
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15());
        directive.Update(TienGiang15() with { Recipients = ["Lưu: VT", "Bộ Công an"], LegalBases = [] });
        Assert.Equal(["Lưu: VT", "Bộ Công an"], directive.Recipients);
        Assert.Empty(directive.LegalBases);
    }

    [Theory]
    [InlineData(nameof(Directive.Expire), DirectiveState.Expired)]
    [InlineData(nameof(Directive.Revoke), DirectiveState.Revoked)]
    public void ExpireAndRevoke_EndAnIssuedDirective(string transition, DirectiveState expected)
    {
        var directive = Issued();
        Transition(directive, transition);
        Assert.Equal(expected, directive.State);
        Assert.False(directive.IsInForce);
    }

    [Theory]
    [InlineData(nameof(Directive.Expire))]
    [InlineData(nameof(Directive.Revoke))]
    public void ExpireAndRevoke_RejectDrafts(string transition)
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), TienGiang15());
        var error = Violations.Rule(() => Transition(directive, transition));
        Assert.Equal(ErrorReasons.InvalidStateTransition, error.Reason);
        Assert.Equal(DirectiveState.Draft, directive.State);
    }

    [Fact]
    public void ClosedDirectives_RejectEveryTransitionAndEdit()
    {
        var directive = Issued();
        directive.Revoke();
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => directive.Issue()).Reason);
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(directive.Expire).Reason);
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => directive.Supersede(Issued())).Reason);
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => directive.Update(TienGiang15())).Reason);
    }

    [Fact]
    public void Supersede_LinksBothWays()
    {
        var hungYen2023 = Issued(HungYen("38-CT/TU", new DateOnly(2022, 12, 23)));
        var hungYen2024 = Issued(HungYen("12-CT/TU", new DateOnly(2023, 12, 20)));

        hungYen2023.Supersede(hungYen2024);

        Assert.Equal(DirectiveState.Superseded, hungYen2023.State);
        Assert.Equal(hungYen2024.Id, hungYen2023.SupersededById);
        Assert.Equal(hungYen2023.Id, hungYen2024.SupersedesId);
        Assert.Equal(DirectiveState.Issued, hungYen2024.State);
    }

    [Fact]
    public void Supersede_NeedsAnIssuedNewerSuccessorThatSupersedesNothingElse()
    {
        var older = Issued(HungYen("38-CT/TU", new DateOnly(2022, 12, 23)));
        var draft = Directive.CreateDraft(Guid.NewGuid(), HungYen("12-CT/TU", new DateOnly(2023, 12, 20)));
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => older.Supersede(draft)).Reason);
        Assert.Equal(["superseded_by"], Violations.Of(() => older.Supersede(older)));

        var evenOlder = Issued(HungYen("35-CT/TU", new DateOnly(2018, 12, 28)));
        Assert.Equal(["superseded_by"], Violations.Of(() => older.Supersede(evenOlder)));

        var newer = Issued(HungYen("12-CT/TU", new DateOnly(2023, 12, 20)));
        evenOlder.Supersede(older);
        var another = Issued(HungYen("13-CT/TU", new DateOnly(2023, 6, 1)));
        another.Supersede(newer);
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => older.Supersede(newer)).Reason);
        Assert.Equal(DirectiveState.Issued, older.State);
        Assert.Null(older.SupersededById);
    }

    private static DirectiveDetails HungYen(string number, DateOnly issuedOn) => new()
    {
        DocumentType = DocumentType.ChiThi,
        NumberAndSymbol = number,
        IssuingBody = "Ban Thường vụ Tỉnh ủy Hưng Yên",
        Place = "Hưng Yên",
        IssuedOn = issuedOn,
        Subject = "Về tăng cường bảo đảm an ninh, trật tự",
        Signer = new Signer("Nguyễn Hữu Nghĩa", "Bí thư", "T/M Ban Thường vụ"),
    };

    private static Directive Issued(DirectiveDetails? details = null)
    {
        var directive = Directive.CreateDraft(Guid.NewGuid(), details ?? TienGiang15());
        directive.Issue();
        return directive;
    }

    private static void Transition(Directive directive, string transition)
    {
        if (transition == nameof(Directive.Expire))
        {
            directive.Expire();
        }
        else
        {
            directive.Revoke();
        }
    }
}
