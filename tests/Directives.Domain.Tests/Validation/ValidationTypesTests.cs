using Directives.Domain.Validation;

namespace Directives.Domain.Tests.Validation;

public class ValidationTypesTests
{
    [Fact]
    public void WithPrefix_NestsTheFieldPath()
    {
        Assert.Equal("task.targets[1].value", new FieldViolation("targets[1].value", "x").WithPrefix("task").Field);
        Assert.Equal("task", new FieldViolation("", "x").WithPrefix("task").Field);
        Assert.Equal("subject", new FieldViolation("subject", "x").WithPrefix("").Field);
    }

    [Fact]
    public void Exception_ListsEveryViolationInItsMessage()
    {
        var error = new DomainValidationException([new("subject", "is required"), new("body", "is too long")]);
        Assert.Equal("2 invalid fields: subject: is required; body: is too long", error.Message);
        Assert.Equal(2, error.Violations.Count);
    }

    [Fact]
    public void Exception_NeedsAtLeastOneViolation()
    {
        Assert.Throws<ArgumentException>(() => new DomainValidationException([]));
    }

    [Fact]
    public void Collector_NestsItemsAndThrowsOnlyWhenSomethingIsWrong()
    {
        var violations = new ViolationCollector();
        violations.ThrowIfAny();
        Assert.Equal("ok", violations.RequiredLine("title", "  ok ", 10));
        Assert.Null(violations.OptionalLine("place", "   ", 10));

        var item = violations.Item("tasks", 2);
        item.Add("cooperating_agencies", "is the lead agency");
        Assert.Null(item.RequiredLine("title", "12345678901", 10));
        Assert.Null(violations.RequiredVerbatim("body", " \t\n", 10));

        var error = Assert.Throws<DomainValidationException>(violations.ThrowIfAny);
        Assert.Equal(
            [
                new FieldViolation("tasks[2].cooperating_agencies", "is the lead agency"),
                new FieldViolation("tasks[2].title", "is longer than 10 characters (11)"),
                new FieldViolation("body", "is required"),
            ],
            error.Violations);
    }
}
