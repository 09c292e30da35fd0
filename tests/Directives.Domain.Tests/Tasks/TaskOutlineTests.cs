using Directives.Domain.Tasks;
using static Directives.Domain.Tests.Tasks.TaskData;

namespace Directives.Domain.Tests.Tasks;

public class TaskOutlineTests
{
    [Fact]
    public void Validate_AcceptsNestedNumbersWithTheirParents()
    {
        TaskOutline.Validate([Numbered("1"), Numbered("2"), Numbered("3"), Numbered("3.1"), Numbered("3.2"), Numbered("3.2.1")]);
    }

    [Fact]
    public void Validate_PrefixesEachTasksProblemsWithItsIndex()
    {
        var tasks = new[]
        {
            Numbered("1"),
            Numbered("2"),
            Numbered("3") with { CooperatingAgencyIds = [Police] },
            Numbered("3") with { Title = "" },
            Numbered("4.1"),
            Numbered("x"),
            Numbered("3.1"),
        };

        Assert.Equal(
            ["tasks[2].cooperating_agencies[0]", "tasks[3].title", "tasks[3].number", "tasks[5].number", "tasks[4].number"],
            Violations.Of(() => TaskOutline.Validate(tasks)));
    }

    [Fact]
    public void Validate_CountsAnInvalidTaskAsAParent()
    {
        var fields = Violations.Of(() => TaskOutline.Validate([Numbered("3") with { Title = "" }, Numbered("3.1")]));
        Assert.Equal(["tasks[0].title"], fields);
    }

    [Fact]
    public void Validate_TreatsTrailingDotsAsTheSameNumber()
    {
        Assert.Equal(["tasks[1].number"], Violations.Of(() => TaskOutline.Validate([Numbered("3.1"), Numbered("3.1."), Numbered("3")])));
    }

    private static TaskDetails Numbered(string number) => Details() with { Number = number };
}
