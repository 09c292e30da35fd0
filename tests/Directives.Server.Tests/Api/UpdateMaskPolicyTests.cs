using Directives.Contracts.V1;
using Directives.Server.Api;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.StatusProto;
using ContractTask = Directives.Contracts.V1.Task;

namespace Directives.Server.Tests.Api;

public sealed class UpdateMaskPolicyTests
{
    [Fact]
    public void Listed_paths_are_copied_and_nothing_else()
    {
        var stored = StoredDirective();
        var requested = new Directive
        {
            Subject = "Về công tác bảo đảm an ninh, trật tự năm 2024",
            Place = "must not be copied",
            Signer = new Signer { FullName = "must not be copied", Title = "Phó Chủ tịch" },
        };
        var mask = UpdateMaskPolicies.UpdateDirective.Resolve(Mask("subject", "signer.title"), requested, stored);
        Assert.Equal(["subject", "signer.title"], mask.Paths);
        Assert.True(mask.Touches("signer"));
        Assert.False(mask.Touches("place"));

        mask.ApplyTo(requested, stored);
        Assert.Equal("Về công tác bảo đảm an ninh, trật tự năm 2024", stored.Subject);
        Assert.Equal("Phó Chủ tịch", stored.Signer.Title);
        Assert.Equal("Nguyễn Văn Vinh", stored.Signer.FullName);
        Assert.Equal("Tiền Giang", stored.Place);
        Assert.Equal(2, stored.Recipients.Count);
    }

    [Fact]
    public void A_repeated_field_is_replaced_whole_and_an_unset_one_clears()
    {
        var stored = StoredDirective();
        var requested = new Directive { Recipients = { "Ban Bí thư Trung ương (để b/c)" } };
        UpdateMaskPolicies.UpdateDirective.Resolve(Mask("recipients", "legal_bases", "signer", "issue_date"), requested, stored).ApplyTo(requested, stored);
        Assert.Equal(["Ban Bí thư Trung ương (để b/c)"], stored.Recipients);
        Assert.Empty(stored.LegalBases);
        Assert.Null(stored.Signer);
        Assert.Null(stored.IssueDate);
    }

    [Fact]
    public void A_sub_field_path_creates_the_message_it_is_in()
    {
        var stored = new Directive();
        var requested = new Directive { Signer = new Signer { Title = "Chủ tịch" } };
        UpdateMaskPolicies.UpdateDirective.Resolve(Mask("signer.title"), requested, stored).ApplyTo(requested, stored);
        Assert.Equal(new Signer { Title = "Chủ tịch" }, stored.Signer);

        var cleared = new Directive();
        UpdateMaskPolicies.UpdateDirective.Resolve(Mask("signer.title"), cleared, stored).ApplyTo(cleared, stored);
        Assert.Equal("", stored.Signer.Title);
    }

    [Fact]
    public void Copies_do_not_share_messages_with_the_request()
    {
        var stored = StoredDirective();
        var requested = new Directive { Signer = new Signer { FullName = "A", Title = "B" }, LegalBases = { new DocumentReference { NumberAndSymbol = "1/NQ-TU" } } };
        UpdateMaskPolicies.UpdateDirective.Resolve(Mask("signer", "legal_bases"), requested, stored).ApplyTo(requested, stored);
        requested.Signer.FullName = "changed later";
        requested.LegalBases[0].NumberAndSymbol = "changed later";
        Assert.Equal("A", stored.Signer.FullName);
        Assert.Equal("1/NQ-TU", stored.LegalBases[0].NumberAndSymbol);
    }

    [Fact]
    public void A_oneof_message_is_replaced_with_its_case()
    {
        var stored = new ContractTask { Number = "3", OriginalDeadline = new Deadline { Date = new Date { Year = 2024, Month = 9, Day = 30 } } };
        var requested = new ContractTask { OriginalDeadline = new Deadline { Period = new Period { Kind = PeriodKind.Quarter, Year = 2024, Index = 3 } } };
        UpdateMaskPolicies.UpdateTask.Resolve(Mask("original_deadline"), requested, stored).ApplyTo(requested, stored);
        Assert.Equal(Deadline.KindOneofCase.Period, stored.OriginalDeadline.KindCase);
        Assert.Equal("3", stored.Number);
    }

    [Fact]
    public void Output_only_fields_name_and_etag_are_ignored_in_a_mask()
    {
        var stored = StoredDirective();
        var requested = new Directive { State = Directive.Types.State.Revoked, Name = "provinces/x/directives/y", Etag = "e", CreateTime = Timestamp.FromDateTime(DateTime.UnixEpoch) };
        var mask = UpdateMaskPolicies.UpdateDirective.Resolve(Mask("state", "name", "etag", "create_time", "supersedes"), requested, stored);
        Assert.True(mask.IsEmpty);
    }

    [Theory]
    [InlineData("colour", "\"colour\" is not a field path of Directive")]
    [InlineData("signer.colour", "\"signer.colour\" is not a field path of Directive")]
    [InlineData("legal_bases.number_and_symbol", "\"legal_bases.number_and_symbol\" is not a field path of Directive")]
    [InlineData("subject.length", "\"subject.length\" is not a field path of Directive")]
    [InlineData("Subject", "\"Subject\" is not a field path of Directive")]
    [InlineData("", "\"\" is not a field path of Directive")]
    public void Unknown_paths_are_invalid_argument_on_update_mask(string path, string description)
    {
        var violation = ApiAssert.InvalidArgument(
            () => UpdateMaskPolicies.UpdateDirective.Resolve(Mask(path), new Directive(), new Directive()), "INVALID_FIELD", "update_mask");
        Assert.Equal(description, violation.Description);
    }

    [Fact]
    public void A_field_the_method_does_not_update_is_refused_in_the_mask()
    {
        var stored = new Agency { DisplayName = "Công an tỉnh", Kind = Agency.Types.Kind.Police };
        var requested = new Agency { DisplayName = "Công an tỉnh Tiền Giang", Kind = Agency.Types.Kind.Police };
        var violation = ApiAssert.InvalidArgument(() => UpdateMaskPolicies.UpdateAgency.Resolve(Mask("display_name"), requested, stored), "INVALID_FIELD", "update_mask");
        Assert.Equal("\"display_name\" cannot be changed by this method; it updates kind", violation.Description);
    }

    [Fact]
    public void An_immutable_field_may_be_sent_unchanged_but_not_changed()
    {
        var stored = new SteeringCommittee { DisplayName = "Ban Chỉ đạo 138 tỉnh Hưng Yên", Level = AdministrativeLevel.Province };
        var same = new SteeringCommittee { DisplayName = "Ban Chỉ đạo 138", Level = AdministrativeLevel.Province };
        Assert.Equal(["display_name"], UpdateMaskPolicies.UpdateCommittee.Resolve(Mask("display_name", "level"), same, stored).Paths);

        var changed = new SteeringCommittee { Level = AdministrativeLevel.Commune };
        var violation = ApiAssert.InvalidArgument(() => UpdateMaskPolicies.UpdateCommittee.Resolve(Mask("level"), changed, stored), "INVALID_FIELD", "committee.level");
        Assert.Equal("is immutable: it cannot be changed once set", violation.Description);
    }

    [Fact]
    public void Without_a_mask_the_populated_fields_are_updated()
    {
        var stored = new ContractTask { Number = "3", Title = "Cũ", Content = "Nội dung", LeadAgency = "provinces/p/agencies/a" };
        var requested = new ContractTask
        {
            Name = "provinces/p/directives/d/tasks/3",
            Etag = "e1",
            Title = "Mới",
            CooperatingAgencies = { "provinces/p/agencies/b" },
            State = ContractTask.Types.State.Completed,
            PercentComplete = 100,
        };
        var mask = UpdateMaskPolicies.UpdateTask.Resolve(null, requested, stored);
        Assert.Equal(["title", "cooperating_agencies"], mask.Paths);
        Assert.Equal(mask.Paths, UpdateMaskPolicies.UpdateTask.Resolve(new FieldMask(), requested, stored).Paths);

        mask.ApplyTo(requested, stored);
        Assert.Equal("Mới", stored.Title);
        Assert.Equal("3", stored.Number);
        Assert.Equal("Nội dung", stored.Content);
        Assert.Equal(["provinces/p/agencies/b"], stored.CooperatingAgencies);
        Assert.Equal(ContractTask.Types.State.Unspecified, stored.State);
    }

    [Fact]
    public void Without_a_mask_a_whole_resource_read_back_may_be_sent()
    {
        var stored = new Agency { Name = "provinces/p/agencies/a", DisplayName = "Công an tỉnh", Kind = Agency.Types.Kind.Police, StartDate = new Date { Year = 1990, Month = 1, Day = 1 } };
        var requested = stored.Clone();
        requested.Kind = Agency.Types.Kind.Other;
        Assert.Equal(["kind"], UpdateMaskPolicies.UpdateAgency.Resolve(null, requested, stored).Paths);

        requested.DisplayName = "Công an tỉnh Hưng Yên";
        requested.StartDate.Year = 1991;
        var status = ApiAssert.Throws(() => UpdateMaskPolicies.UpdateAgency.Resolve(null, requested, stored), StatusCode.InvalidArgument, "INVALID_FIELD");
        var violations = status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations;
        Assert.Equal(["agency.display_name", "agency.start_date"], violations.Select(v => v.Field));
        Assert.Equal("cannot be changed by this method; it updates kind", violations[0].Description);
        Assert.Equal("is immutable: it cannot be changed once set", violations[1].Description);
        Assert.Equal("Tham số không hợp lệ ở 2 trường: agency.display_name, agency.start_date.", ApiAssert.Vietnamese(status));
    }

    [Fact]
    public void A_star_replaces_every_updatable_field()
    {
        var stored = new SteeringCommittee { DisplayName = "Ban Chỉ đạo", AreaName = "tỉnh Hưng Yên", StandingAgency = "provinces/p/agencies/ca", Level = AdministrativeLevel.Province };
        var requested = new SteeringCommittee { DisplayName = "Ban Chỉ đạo 138" };
        var mask = UpdateMaskPolicies.UpdateCommittee.Resolve(Mask("*"), requested, stored);
        Assert.Equal(["display_name", "area_name", "standing_agency"], mask.Paths);
        mask.ApplyTo(requested, stored);
        Assert.Equal("Ban Chỉ đạo 138", stored.DisplayName);
        Assert.Equal("", stored.AreaName);
        Assert.Equal("", stored.StandingAgency);
        Assert.Equal(AdministrativeLevel.Province, stored.Level);

        var changedLevel = new SteeringCommittee { Level = AdministrativeLevel.District };
        ApiAssert.InvalidArgument(() => UpdateMaskPolicies.UpdateCommittee.Resolve(Mask("*"), changedLevel, stored), "INVALID_FIELD", "committee.level");
        var violation = ApiAssert.InvalidArgument(() => UpdateMaskPolicies.UpdateCommittee.Resolve(Mask("*", "display_name"), requested, stored), "INVALID_FIELD", "update_mask");
        Assert.Equal("\"*\" must be the only path", violation.Description);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var status = ApiAssert.Throws(
            () => UpdateMaskPolicies.UpdateAgency.Resolve(Mask("colour", "display_name", "kind", "start_date"), new Agency { StartDate = new Date { Year = 2000, Month = 1, Day = 1 } }, new Agency()),
            StatusCode.InvalidArgument,
            "INVALID_FIELD");
        Assert.Equal(
            ["update_mask", "update_mask", "agency.start_date"],
            status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void The_directive_policy_updates_every_field_that_is_not_output_only()
    {
        var expected = Directive.Descriptor.Fields.InFieldNumberOrder()
            .Where(f => f.Name is not ("name" or "etag") && !FieldBehaviors.IsOutputOnly(f))
            .Select(f => f.Name);
        Assert.Equal(expected, UpdateMaskPolicies.UpdateDirective.UpdatableFields);
        Assert.True(FieldBehaviors.IsOutputOnly(Directive.Descriptor.FindFieldByName("state")));
        Assert.True(FieldBehaviors.IsImmutable(Agency.Descriptor.FindFieldByName("start_date")));
        Assert.False(FieldBehaviors.IsImmutable(Agency.Descriptor.FindFieldByName("kind")));
    }

    [Fact]
    public void A_policy_cannot_declare_output_only_immutable_or_unknown_fields_updatable()
    {
        Assert.Throws<ArgumentException>(() => new UpdateMaskPolicy<Agency>("agency", "state"));
        Assert.Throws<ArgumentException>(() => new UpdateMaskPolicy<Agency>("agency", "start_date"));
        Assert.Throws<ArgumentException>(() => new UpdateMaskPolicy<Agency>("agency", "etag"));
        Assert.Throws<ArgumentException>(() => new UpdateMaskPolicy<Agency>("agency", "colour"));
    }

    private static FieldMask Mask(params string[] paths)
    {
        var mask = new FieldMask();
        mask.Paths.AddRange(paths);
        return mask;
    }

    private static Directive StoredDirective() => new()
    {
        Name = "provinces/tien-giang/directives/2022-15-ct-ubnd",
        DocumentType = DocumentType.Directive,
        NumberAndSymbol = "15/CT-UBND",
        IssuingBody = "Ủy ban nhân dân tỉnh Tiền Giang",
        Place = "Tiền Giang",
        IssueDate = new Date { Year = 2022, Month = 12, Day = 19 },
        Subject = "Về công tác bảo đảm an ninh, trật tự năm 2023",
        Signer = new Signer { FullName = "Nguyễn Văn Vinh", Title = "Chủ tịch" },
        LegalBases = { new DocumentReference { NumberAndSymbol = "14-NQ/TU" } },
        Recipients = { "Bộ Công an", "Các sở, ban, ngành tỉnh" },
    };
}
