using Directives.Server.Api;
using Grpc.Core;
using static Directives.Server.Tests.Api.FilterParserTests;

namespace Directives.Server.Tests.Api;

public sealed class FilterBinderTests
{
    [Fact]
    public void Values_are_typed_by_the_field()
    {
        var filter = FilterSchemas.ListTasks.Bind(
            "state = IN_PROGRESS AND deadline_time < \"2024-10-01T00:00:00+07:00\" AND deadline.standing = false "
            + "AND directive.issue_date.year >= 2023 AND title:\"An ninh, trật tự\" AND number = \"3.1\" "
            + "AND parent_task = \"\" AND lead_agency = \"provinces/hung-yen/agencies/cong-an-tinh\"");
        Assert.Equal(
            "AND(state = 2, deadline_time < 2024-10-01T00:00:00.0000000+07:00, deadline.standing = false, directive.issue_date.year >= 2023, "
            + "title : [an ninh trat tu], number = \"3.1\", parent_task = \"\", lead_agency = \"provinces/hung-yen/agencies/cong-an-tinh\")",
            Print(filter.Root));
        Assert.False(filter.IsEmpty);
        Assert.Same(FilterSchemas.ListTasks, filter.Schema);
    }

    [Fact]
    public void Dates_numbers_and_text_equality()
    {
        var filter = FilterSchemas.ListDirectives.Bind("issue_date >= \"2023-01-01\" AND subject = \"Về công tác BẢO ĐẢM an ninh\" AND NOT issue_date.year = -1");
        Assert.Equal("AND(issue_date >= 2023-01-01, subject = \"ve cong tac bao dam an ninh\", NOT(issue_date.year = -1))", Print(filter.Root));
        var reports = FilterSchemas.ListReports.Bind("measurements.target_id:\"5f0c\" OR percent_complete > 50");
        Assert.Equal("OR(measurements.target_id : \"5f0c\", percent_complete > 50)", Print(reports.Root));
    }

    [Fact]
    public void Decomposed_vietnamese_is_normalized_before_folding()
    {
        var composed = FilterSchemas.ListDirectives.Bind("subject:\"Đồng Tháp\"");
        var decomposed = FilterSchemas.ListDirectives.Bind("subject:\"" + "Đồng Tháp".Normalize(System.Text.NormalizationForm.FormD) + "\"");
        Assert.Equal(Print(composed.Root), Print(decomposed.Root));
        Assert.Equal("subject : [dong thap]", Print(composed.Root));
        var exact = FilterSchemas.ListDirectives.Bind("number_and_symbol = \"" + "15/QĐ-UBND".Normalize(System.Text.NormalizationForm.FormD) + "\"");
        Assert.Equal("number_and_symbol = \"15/QĐ-UBND\"", Print(exact.Root));
    }

    [Fact]
    public void The_agency_shorthand_means_lead_or_cooperating()
    {
        var equal = FilterSchemas.ListTasks.Bind("agency = \"provinces/p/agencies/a\"");
        Assert.Equal("OR(lead_agency = \"provinces/p/agencies/a\", cooperating_agencies : \"provinces/p/agencies/a\")", Print(equal.Root));
        var notEqual = FilterSchemas.ListTasks.Bind("agency != \"provinces/p/agencies/a\"");
        Assert.Equal("NOT(OR(lead_agency = \"provinces/p/agencies/a\", cooperating_agencies : \"provinces/p/agencies/a\"))", Print(notEqual.Root));
        var violation = ApiAssert.InvalidArgument(() => FilterSchemas.ListTasks.Bind("agency:\"provinces/p/agencies/a\""), "INVALID_FILTER", "filter");
        Assert.StartsWith(": does not apply to agency", violation.Description);
    }

    [Fact]
    public void An_empty_filter_binds_to_nothing()
    {
        var filter = FilterSchemas.ListAgencies.Bind("  ");
        Assert.True(filter.IsEmpty);
        Assert.Equal("  ", filter.Text);
    }

    [Theory]
    [InlineData("colour = RED", "unknown field \"colour\" at position 1; ListTasks filters on state, timeliness, lead_agency, cooperating_agencies, agency, deadline_time")]
    [InlineData("state = DONE", "\"DONE\" at position 9 is not a value of state; use one of STATE_UNSPECIFIED, NOT_STARTED, IN_PROGRESS, COMPLETED, CANCELLED")]
    [InlineData("state = \"COMPLETED\"", "state is an enum: the value at position 9 must not be quoted; enum values are written bare, for example state = NOT_STARTED")]
    [InlineData("state > COMPLETED", "> does not apply to state (an enum) at position 1; use = or !=")]
    [InlineData("state:COMPLETED", ": does not apply to state (an enum) at position 1; use = or !=")]
    [InlineData("title = tuyen", "title is text: double-quote the value at position 9, for example title:\"chi thi\"")]
    [InlineData("title < \"a\"", "< does not apply to title (text) at position 1; use =, != or :")]
    [InlineData("title:\" ... \"", "the text at position 7 has no words to search title for")]
    [InlineData("deadline_time >= \"2024-07-01\"", "deadline_time is a timestamp: \"2024-07-01\" at position 18 is not an RFC 3339 timestamp")]
    [InlineData("deadline_time >= \"2024-07-01T00:00:00\"", "deadline_time is a timestamp: \"2024-07-01T00:00:00\" at position 18")]
    [InlineData("deadline_time:\"2024-07-01T00:00:00Z\"", ": does not apply to deadline_time (a timestamp) at position 1; use =, !=, <, <=, > or >=")]
    [InlineData("deadline.standing = yes", "deadline.standing is a boolean: expected true or false at position 21, found yes")]
    [InlineData("deadline.standing = \"true\"", "deadline.standing is a boolean: the value at position 21 must not be quoted")]
    [InlineData("directive.issue_date.year = 2023.5", "directive.issue_date.year is an integer: \"2023.5\" at position 29 is not one")]
    [InlineData("directive.issue_date.year = \"2023\"", "directive.issue_date.year is an integer: the value at position 29 must not be quoted")]
    [InlineData("directive.issue_date.year = 99999999999999999999", "directive.issue_date.year is an integer")]
    [InlineData("lead_agency = \"cong-an-tinh\"", "the value of lead_agency at position 15 must be an agency name, provinces/{province}/agencies/{agency}; got \"cong-an-tinh\"")]
    [InlineData("lead_agency = \"provinces/p/agencies/Cong\"", "the value of lead_agency at position 15 \"Cong\" is not a valid agency ID")]
    [InlineData("lead_agency = \"\"", "lead_agency needs an agency name at position 15, not \"\"")]
    [InlineData("lead_agency = \"provinces/-/agencies/-\"", "the value of lead_agency at position 15 \"-\" (every province) is not accepted here")]
    [InlineData("cooperating_agencies = \"provinces/p/agencies/a\"", "cooperating_agencies is a repeated field at position 1: use cooperating_agencies:value (\"has\"), not =")]
    [InlineData("cooperating_agencies:\"\"", "cooperating_agencies needs a repeated field of an agency name at position 22, not \"\"")]
    [InlineData("directive = \"provinces/p/directives/d/tasks/t\"", "the value of directive at position 13 must be a directive name")]
    [InlineData("number = 3", "number is a string: double-quote the value at position 10")]
    [InlineData("NOT state = DONE", "\"DONE\" at position 13 is not a value of state")]
    [InlineData("state = COMPLETED OR (title:\"x\" AND colour = RED)", "unknown field \"colour\" at position 37")]
    public void Type_errors_name_the_field_and_the_position(string filter, string description)
    {
        var violation = ApiAssert.InvalidArgument(() => FilterSchemas.ListTasks.Bind(filter), "INVALID_FILTER", "filter");
        Assert.StartsWith(description, violation.Description);
    }

    [Theory]
    [InlineData("issue_date = 2023", "issue_date is a date: double-quote the value at position 14, for example issue_date >= \"2024-01-01\"")]
    [InlineData("issue_date = \"2023-02-30\"", "issue_date is a date: \"2023-02-30\" at position 14 is not a date as \"YYYY-MM-DD\"")]
    [InlineData("issue_date = \"2023-2-3\"", "issue_date is a date: \"2023-2-3\" at position 14")]
    [InlineData("issue_date = \"03/02/2023\"", "issue_date is a date")]
    [InlineData("document_type = CHI_THI", "\"CHI_THI\" at position 17 is not a value of document_type; use one of DOCUMENT_TYPE_UNSPECIFIED, DIRECTIVE, OFFICIAL_LETTER")]
    [InlineData("supersedes = \"provinces/p/agencies/a\"", "the value of supersedes at position 14 must be a directive name")]
    public void ListDirectives_type_errors(string filter, string description)
    {
        var violation = ApiAssert.InvalidArgument(() => FilterSchemas.ListDirectives.Bind(filter), "INVALID_FILTER", "filter");
        Assert.StartsWith(description, violation.Description);
    }

    [Theory]
    [InlineData("2024-07-01T00:00:00+07:00", "2024-06-30T17:00:00.0000000+00:00")]
    [InlineData("2024-06-30T17:00:00Z", "2024-06-30T17:00:00.0000000+00:00")]
    [InlineData("2024-06-30t17:00:00z", "2024-06-30T17:00:00.0000000+00:00")]
    [InlineData("2024-06-30T17:00:00.5Z", "2024-06-30T17:00:00.5000000+00:00")]
    [InlineData("2024-06-30T17:00:00.123456789Z", "2024-06-30T17:00:00.1234567+00:00")]
    [InlineData("2024-12-31T23:59:59-05:30", "2025-01-01T05:29:59.0000000+00:00")]
    public void Timestamps_are_rfc_3339(string text, string utc)
    {
        Assert.True(Rfc3339.TryParse(text, out var instant));
        Assert.Equal(utc, instant.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2024-06-30T17:00:00")]
    [InlineData("2024-06-30 17:00:00Z")]
    [InlineData("2024-06-30")]
    [InlineData("2024-06-30T17:00Z")]
    [InlineData("2024-13-30T17:00:00Z")]
    [InlineData("yesterday")]
    public void Not_rfc_3339(string text) => Assert.False(Rfc3339.TryParse(text, out _));

    [Fact]
    public void Unspecified_enum_values_are_accepted_where_unset_means_something()
    {
        var filter = FilterSchemas.ListDirectives.Bind("issuing_body_kind = ISSUING_BODY_KIND_UNSPECIFIED");
        Assert.Equal("issuing_body_kind = 0", Print(filter.Root));
    }

    [Fact]
    public void Every_schema_field_is_a_field_path_of_its_resource_or_a_documented_extra()
    {
        (FilterSchema Schema, Google.Protobuf.Reflection.MessageDescriptor Resource, string[] Extras)[] schemas =
        [
            (FilterSchemas.ListDirectives, Contracts.V1.Directive.Descriptor, []),
            (FilterSchemas.ListTasks, Contracts.V1.Task.Descriptor, ["agency", "directive", "directive.document_type", "directive.state", "directive.issue_date.year", "directive.issuing_body_kind"]),
            (FilterSchemas.ListAgencies, Contracts.V1.Agency.Descriptor, []),
            (FilterSchemas.ListReports, Contracts.V1.ProgressReport.Descriptor, ["agency"]),
            (FilterSchemas.ListCommittees, Contracts.V1.SteeringCommittee.Descriptor, []),
            (FilterSchemas.ListCompositions, Contracts.V1.CommitteeComposition.Descriptor, []),
            (FilterSchemas.ListVacancies, Contracts.V1.Vacancy.Descriptor, []),
            (FilterSchemas.ListMemberHistory, Contracts.V1.CommitteeMember.Descriptor, []),
            (FilterSchemas.ListHistory, Contracts.V1.TaskHistoryEntry.Descriptor, []),
            (FilterSchemas.ListProvinces, Contracts.V1.Province.Descriptor, []),
        ];
        foreach (var (schema, resource, extras) in schemas)
        {
            foreach (var field in schema.Fields.Where(f => !extras.Contains(f.Name)))
            {
                var type = resource;
                var repeated = false;
                foreach (var segment in field.Name.Split('.'))
                {
                    Assert.NotNull(type);
                    var descriptor = type.FindFieldByName(segment);
                    Assert.True(descriptor is not null, $"{schema.Method}: {field.Name} is not a field path of {resource.Name}");
                    repeated |= descriptor.IsRepeated;
                    type = descriptor.FieldType == Google.Protobuf.Reflection.FieldType.Message ? descriptor.MessageType : null;
                }

                Assert.True(repeated == field.IsRepeated, $"{schema.Method}: {field.Name} is {(repeated ? "" : "not ")}repeated in {resource.Name}");
            }
        }
    }

    [Fact]
    public void Enum_fields_list_the_values_of_their_proto_enum()
    {
        var state = FilterSchemas.ListDirectives.Find("state")!;
        Assert.Equal(["STATE_UNSPECIFIED", "DRAFT", "ISSUED", "SUPERSEDED", "EXPIRED", "REVOKED"], state.EnumValues.Keys);
        Assert.Equal(5, state.EnumValues["REVOKED"]);
        Assert.Equal(3, FilterSchemas.ListTasks.Find("timeliness")!.EnumValues["OVERDUE"]);
    }

    [Fact]
    public void A_schema_refuses_a_shorthand_for_a_field_it_lacks()
        => Assert.Throws<ArgumentException>(() => new FilterSchema("ListX", FilterField.Text("a"), FilterField.AnyOfFields("any", "a", "b")));

    [Fact]
    public void Errors_are_invalid_argument_with_the_filter_reason()
    {
        var status = ApiAssert.Throws(() => FilterSchemas.ListAgencies.Bind("kind = POLICE AND colour = RED"), StatusCode.InvalidArgument, "INVALID_FILTER");
        Assert.Equal("filter", ApiAssert.Info(status).Metadata["field"]);
        Assert.Equal("Biểu thức lọc (filter) không hợp lệ tại vị trí 19.", ApiAssert.Vietnamese(status));
        Assert.StartsWith("Invalid filter: unknown field \"colour\" at position 19", status.Message);
    }
}
