using Directives.Server.Api;
using Grpc.Core;

namespace Directives.Server.Tests.Api;

public sealed class SortSchemaTests
{
    [Theory]
    [InlineData(null, "issue_date desc")]
    [InlineData("", "issue_date desc")]
    [InlineData("  ", "issue_date desc")]
    [InlineData("subject", "subject")]
    [InlineData("subject desc", "subject desc")]
    [InlineData("subject asc", "subject")]
    [InlineData("issue_date desc, number_and_symbol", "issue_date desc, number_and_symbol")]
    [InlineData("  create_time   desc ,update_time,subject desc ", "create_time desc, update_time, subject desc")]
    public void Parses_fields_and_directions(string? orderBy, string expected)
        => Assert.Equal(expected, SortSchemas.ListDirectives.Parse(orderBy).ToString());

    [Theory]
    [InlineData("colour", "cannot order by \"colour\"; ListDirectives orders by issue_date, number_and_symbol, subject, create_time, update_time")]
    [InlineData("name", "cannot order by \"name\"")]
    [InlineData("Subject", "cannot order by \"Subject\"")]
    [InlineData("subject descending", "\"subject descending\" is not \"field\" or \"field desc\"")]
    [InlineData("subject DESC", "\"subject DESC\" is not \"field\" or \"field desc\"")]
    [InlineData("subject desc extra", "\"subject desc extra\" is not \"field\" or \"field desc\"")]
    [InlineData("subject,,create_time", "has an empty item between commas")]
    [InlineData("subject,", "has an empty item between commas")]
    [InlineData(",subject", "has an empty item between commas")]
    [InlineData("subject, subject desc", "lists subject twice")]
    public void Errors_are_invalid_argument_on_order_by(string orderBy, string description)
    {
        var status = ApiAssert.Throws(() => SortSchemas.ListDirectives.Parse(orderBy), StatusCode.InvalidArgument, "INVALID_ORDER_BY");
        var violation = Assert.Single(Grpc.StatusProto.RpcStatusExtensions.GetDetail<Google.Rpc.BadRequest>(status)!.FieldViolations);
        Assert.Equal("order_by", violation.Field);
        Assert.StartsWith(description, violation.Description);
        Assert.Equal(
            "Tiêu chí sắp xếp (order_by) không hợp lệ; các trường được phép: issue_date, number_and_symbol, subject, create_time, update_time.",
            ApiAssert.Vietnamese(status));
    }

    [Fact]
    public void Every_method_has_a_valid_default()
    {
        Assert.Equal("issue_date desc", SortSchemas.ListDirectives.Default.ToString());
        Assert.Equal("number", SortSchemas.ListTasks.Default.ToString());
        Assert.Equal("display_name", SortSchemas.ListAgencies.Default.ToString());
        Assert.Equal("submit_time desc", SortSchemas.ListReports.Default.ToString());
        Assert.Equal("level, area_name", SortSchemas.ListCommittees.Default.ToString());
        Assert.Equal("effective_date desc", SortSchemas.ListCompositions.Default.ToString());
        Assert.Equal("committee, position, start_date", SortSchemas.ListVacancies.Default.ToString());
        Assert.Equal("start_date desc, position", SortSchemas.ListMemberHistory.Default.ToString());
        Assert.Equal("commit_time desc", SortSchemas.ListHistory.Default.ToString());
        Assert.Equal("name", SortSchemas.ListProvinces.Default.ToString());
    }

    [Fact]
    public void ListTasks_orders_by_the_fields_of_its_contract()
    {
        Assert.Equal(["number", "deadline_time", "complete_time", "create_time", "update_time"], SortSchemas.ListTasks.Fields);
        Assert.Equal("deadline_time, number desc", SortSchemas.ListTasks.Parse("deadline_time,number desc").ToString());
        ApiAssert.Throws(() => SortSchemas.ListTasks.Parse("title"), StatusCode.InvalidArgument, "INVALID_ORDER_BY");
    }
}
