using Directives.Server.Api;

namespace Directives.Server.Tests.Api;

public sealed class ResourceNameTests
{
    [Fact]
    public void Every_pattern_parses_and_formats_back()
    {
        Assert.Equal(new ProvinceName("hung-yen"), ProvinceName.Parse("provinces/hung-yen", "name"));
        Assert.Equal(new AgencyName("tien-giang", "cong-an-tinh"), AgencyName.Parse("provinces/tien-giang/agencies/cong-an-tinh", "name"));
        Assert.Equal(new DirectiveName("hung-yen", "2024-38-ct-tu"), DirectiveName.Parse("provinces/hung-yen/directives/2024-38-ct-tu", "name"));
        Assert.Equal(new TaskName("hung-yen", "d1", "3-1"), TaskName.Parse("provinces/hung-yen/directives/d1/tasks/3-1", "name"));
        Assert.Equal(new ReportName("hung-yen", "d1", "3", "r9"), ReportName.Parse("provinces/hung-yen/directives/d1/tasks/3/reports/r9", "name"));
        Assert.Equal(new CommitteeName("nam-dinh", "bcd-138"), CommitteeName.Parse("provinces/nam-dinh/committees/bcd-138", "name"));
        Assert.Equal(new MemberName("nam-dinh", "bcd-138", "m1"), MemberName.Parse("provinces/nam-dinh/committees/bcd-138/members/m1", "name"));
        Assert.Equal(new CompositionName("nam-dinh", "bcd-138", "c2"), CompositionName.Parse("provinces/nam-dinh/committees/bcd-138/compositions/c2", "name"));

        Assert.Equal("provinces/hung-yen", new ProvinceName("hung-yen").ToString());
        Assert.Equal("provinces/tien-giang/agencies/cong-an-tinh", new AgencyName("tien-giang", "cong-an-tinh").ToString());
        Assert.Equal("provinces/p/directives/d", new DirectiveName("p", "d").ToString());
        Assert.Equal("provinces/p/directives/d/tasks/t", new TaskName("p", "d", "t").ToString());
        Assert.Equal("provinces/p/directives/d/tasks/t/reports/r", new ReportName("p", "d", "t", "r").ToString());
        Assert.Equal("provinces/p/committees/c", new CommitteeName("p", "c").ToString());
        Assert.Equal("provinces/p/committees/c/members/m", new MemberName("p", "c", "m").ToString());
        Assert.Equal("provinces/p/committees/c/compositions/x", new CompositionName("p", "c", "x").ToString());
    }

    [Fact]
    public void Parents_are_the_enclosing_names()
    {
        var report = ReportName.Parse("provinces/p/directives/d/tasks/t/reports/r", "name");
        Assert.Equal("provinces/p/directives/d/tasks/t", report.Parent.ToString());
        Assert.Equal("provinces/p/directives/d", report.Parent.Parent.ToString());
        Assert.Equal("provinces/p", report.Parent.Parent.Parent.ToString());
        Assert.Equal("provinces/p/committees/c", MemberName.Parse("provinces/p/committees/c/members/m", "name").Parent.ToString());
        Assert.Equal("provinces/p/committees/c", CompositionName.Parse("provinces/p/committees/c/compositions/x", "name").Parent.ToString());
        Assert.Equal("provinces/p", AgencyName.Parse("provinces/p/agencies/a", "name").Parent.ToString());
        Assert.Equal("p", ((IResourceName)report).Province);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("hung-yen")]
    [InlineData("2022-15-ct-ubnd")]
    [InlineData("a-b-c-1-2-3")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz")] // 63
    public void Valid_ids(string id)
    {
        Assert.True(ResourceId.IsValid(id));
        Assert.Equal(id, ProvinceName.Parse("provinces/" + id, "name").Province);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("-")]
    [InlineData("Hung-Yen")]
    [InlineData("hung_yen")]
    [InlineData("hưng-yên")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz0")] // 64
    public void Invalid_ids(string id) => Assert.False(ResourceId.IsValid(id));

    [Theory]
    [InlineData("provinces/Hung-Yen", "\"Hung-Yen\" is not a valid province ID")]
    [InlineData("provinces/hung-yen/", "must be a province name, provinces/{province}")]
    [InlineData("province/hung-yen", "must be a province name")]
    [InlineData("provinces", "must be a province name")]
    [InlineData("/provinces/hung-yen", "must be a province name")]
    [InlineData("provinces//", "must be a province name")]
    [InlineData("provinces/-", "\"-\" (every province) is not accepted here")]
    public void Malformed_province_names_are_invalid_argument_on_the_field(string value, string expected)
    {
        var violation = ApiAssert.InvalidArgument(() => ProvinceName.Parse(value, "parent"), "INVALID_RESOURCE_NAME", "parent");
        Assert.Contains(expected, violation.Description);
    }

    [Theory]
    [InlineData("provinces/p/directives/d/tasks/t", "must be a directive name, provinces/{province}/directives/{directive}")]
    [InlineData("provinces/p/agencies/a", "must be a directive name")]
    [InlineData("provinces/p/directives", "must be a directive name")]
    [InlineData("provinces/p/directives/", "the directive ID is empty")]
    [InlineData("provinces/p/directives/D1", "\"D1\" is not a valid directive ID: use 1 to 63 characters of a-z, 0-9 and -")]
    [InlineData("provinces/p/directives/d-", "\"d-\" is not a valid directive ID")]
    [InlineData("provinces/P/directives/d", "\"P\" is not a valid province ID")]
    [InlineData("provinces/p/Directives/d", "must be a directive name")]
    [InlineData("provinces/p/directives/d ", "\"d \" is not a valid directive ID")]
    public void Malformed_directive_names_say_what_is_wrong(string value, string expected)
    {
        var violation = ApiAssert.InvalidArgument(() => DirectiveName.Parse(value, "directive.name"), "INVALID_RESOURCE_NAME", "directive.name");
        Assert.Contains(expected, violation.Description);
    }

    [Fact]
    public void Each_pattern_rejects_the_others()
    {
        string[] names =
        [
            "provinces/p",
            "provinces/p/agencies/a",
            "provinces/p/directives/d",
            "provinces/p/directives/d/tasks/t",
            "provinces/p/directives/d/tasks/t/reports/r",
            "provinces/p/committees/c",
            "provinces/p/committees/c/members/m",
            "provinces/p/committees/c/compositions/x",
        ];
        Func<string, bool>[] parsers =
        [
            n => ProvinceName.TryParse(n, out _),
            n => AgencyName.TryParse(n, out _),
            n => DirectiveName.TryParse(n, out _),
            n => TaskName.TryParse(n, out _),
            n => ReportName.TryParse(n, out _),
            n => CommitteeName.TryParse(n, out _),
            n => MemberName.TryParse(n, out _),
            n => CompositionName.TryParse(n, out _),
        ];
        for (var i = 0; i < names.Length; i++)
        {
            for (var j = 0; j < parsers.Length; j++)
            {
                Assert.Equal(i == j, parsers[j](names[i]));
            }
        }
    }

    [Fact]
    public void An_empty_name_is_a_missing_field()
    {
        var violation = ApiAssert.InvalidArgument(() => TaskName.Parse("", "name"), "INVALID_FIELD", "name");
        Assert.Equal("is required", violation.Description);
        ApiAssert.InvalidArgument(() => TaskName.Parse(null, "name"), "INVALID_FIELD", "name");
        Assert.False(TaskName.TryParse(null, out _));
    }

    [Fact]
    public void The_error_names_the_field_in_its_metadata_and_in_vietnamese()
    {
        var status = ApiAssert.Throws(() => AgencyName.Parse("provinces/p/agencies/A", "task.lead_agency"), Grpc.Core.StatusCode.InvalidArgument, "INVALID_RESOURCE_NAME");
        Assert.Equal("task.lead_agency", ApiAssert.Info(status).Metadata["field"]);
        Assert.Equal("Tên tài nguyên ở trường task.lead_agency không hợp lệ.", ApiAssert.Vietnamese(status));
        Assert.StartsWith("Invalid task.lead_agency: ", status.Message);
    }

    [Fact]
    public void A_long_malformed_name_is_quoted_shortened()
    {
        var value = "x" + new string('a', 5000);
        var violation = ApiAssert.InvalidArgument(() => ProvinceName.Parse(value, "name"), "INVALID_RESOURCE_NAME", "name");
        Assert.True(violation.Description.Length < 400, violation.Description);
        Assert.EndsWith("…\"", violation.Description);
    }

    [Fact]
    public void Provinces_wildcard_only_where_the_method_accepts_it()
    {
        var all = ProvinceName.Parse("provinces/-", "parent", NameWildcards.AcrossProvinces);
        Assert.True(all.IsAcrossProvinces);
        Assert.False(ProvinceName.Parse("provinces/hung-yen", "parent", NameWildcards.AcrossProvinces).IsAcrossProvinces);
        ApiAssert.InvalidArgument(() => ProvinceName.Parse("provinces/-", "parent", NameWildcards.WithinProvince), "INVALID_RESOURCE_NAME", "parent");
        Assert.False(ProvinceName.TryParse("provinces/-", out _));
    }

    [Fact]
    public void ListTasks_parents_accept_every_directive_of_a_province_or_of_every_province()
    {
        var ofProvince = DirectiveName.Parse("provinces/hung-yen/directives/-", "parent", NameWildcards.AcrossProvinces);
        Assert.True(ofProvince.HasWildcard);
        Assert.False(ofProvince.IsAcrossProvinces);
        var everywhere = DirectiveName.Parse("provinces/-/directives/-", "parent", NameWildcards.AcrossProvinces);
        Assert.True(everywhere.HasWildcard);
        Assert.True(everywhere.IsAcrossProvinces);
        Assert.Equal("provinces/-/directives/-", everywhere.ToString());

        var within = DirectiveName.Parse("provinces/hung-yen/directives/-", "parent", NameWildcards.WithinProvince);
        Assert.True(within.HasWildcard);
        ApiAssert.InvalidArgument(() => DirectiveName.Parse("provinces/-/directives/-", "parent", NameWildcards.WithinProvince), "INVALID_RESOURCE_NAME", "parent");
        ApiAssert.InvalidArgument(() => DirectiveName.Parse("provinces/hung-yen/directives/-", "parent"), "INVALID_RESOURCE_NAME", "parent");
    }

    [Fact]
    public void A_wildcard_needs_wildcards_after_it()
    {
        var violation = ApiAssert.InvalidArgument(
            () => DirectiveName.Parse("provinces/-/directives/d1", "parent", NameWildcards.AcrossProvinces), "INVALID_RESOURCE_NAME", "parent");
        Assert.Equal("with \"-\" as the province, the directive must be \"-\" too", violation.Description);
        ApiAssert.InvalidArgument(() => TaskName.Parse("provinces/p/directives/-/tasks/t", "parent", NameWildcards.AcrossProvinces), "INVALID_RESOURCE_NAME", "parent");
        ApiAssert.InvalidArgument(() => TaskName.Parse("provinces/-/directives/d/tasks/-", "parent", NameWildcards.AcrossProvinces), "INVALID_RESOURCE_NAME", "parent");
    }

    [Theory]
    [InlineData("provinces/p/directives/d/tasks/-", false)]
    [InlineData("provinces/p/directives/-/tasks/-", false)]
    [InlineData("provinces/-/directives/-/tasks/-", true)]
    public void ListReports_parents(string value, bool acrossProvinces)
    {
        var parent = TaskName.Parse(value, "parent", NameWildcards.AcrossProvinces);
        Assert.True(parent.HasWildcard);
        Assert.Equal(acrossProvinces, parent.IsAcrossProvinces);
        Assert.Equal(value, parent.ToString());
    }

    [Fact]
    public void ListVacancies_parent_accepts_every_committee_of_one_province()
    {
        Assert.True(CommitteeName.Parse("provinces/p/committees/-", "parent", NameWildcards.WithinProvince).HasWildcard);
        ApiAssert.InvalidArgument(() => CommitteeName.Parse("provinces/-/committees/-", "parent", NameWildcards.WithinProvince), "INVALID_RESOURCE_NAME", "parent");
    }

    [Fact]
    public void The_pattern_of_a_name_is_found_for_errors()
    {
        Assert.Same(TaskName.Pattern, ResourcePatterns.Of("provinces/p/directives/d/tasks/t"));
        Assert.Same(CompositionName.Pattern, ResourcePatterns.Of("provinces/p/committees/c/compositions/x"));
        Assert.Same(DirectiveName.Pattern, ResourcePatterns.Of("provinces/-/directives/-"));
        Assert.Null(ResourcePatterns.Of("provinces/p/unknown/x"));
        Assert.Equal("directives.gov.vn/ProgressReport", ReportName.Pattern.Type);
    }
}
