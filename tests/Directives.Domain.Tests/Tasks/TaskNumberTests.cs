using Directives.Domain.Tasks;

namespace Directives.Domain.Tests.Tasks;

public class TaskNumberTests
{
    [Theory]
    [InlineData("3", new[] { 3 })]
    [InlineData("3.1", new[] { 3, 1 })]
    [InlineData("3.1.", new[] { 3, 1 })]
    [InlineData(" 12.10.2 ", new[] { 12, 10, 2 })]
    public void Parse_ReadsNestedNumbers(string text, int[] segments)
    {
        var number = TaskNumber.Parse(text);
        Assert.Equal(segments, number.Segments);
        Assert.Equal(segments.Length, number.Depth);
        Assert.Equal(string.Join('.', segments), number.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("0")]
    [InlineData("3..1")]
    [InlineData(".3")]
    [InlineData("3.01")]
    [InlineData("a")]
    [InlineData("3-1")]
    [InlineData("III")]
    [InlineData("10000")]
    [InlineData("1.2.3.4.5.6")]
    [InlineData("-1")]
    [InlineData("٣")]
    public void TryParse_RejectsMalformedNumbers(string text)
    {
        Assert.False(TaskNumber.TryParse(text, out _));
        Assert.Throws<FormatException>(() => TaskNumber.Parse(text));
    }

    [Fact]
    public void Ordering_IsNumericLevelByLevel()
    {
        var shuffled = new[] { "3.10", "10", "3.9", "3", "2", "3.1.2", "3.1", "3.2" }.Select(TaskNumber.Parse).ToList();
        shuffled.Sort();
        Assert.Equal(["2", "3", "3.1", "3.1.2", "3.2", "3.9", "3.10", "10"], shuffled.Select(n => n.ToString()));
    }

    [Fact]
    public void Operators_CompareNumerically()
    {
        Assert.True(TaskNumber.Parse("3.10") > TaskNumber.Parse("3.9"));
        Assert.True(TaskNumber.Parse("3") < TaskNumber.Parse("3.1"));
        Assert.True(TaskNumber.Parse("3.1") <= TaskNumber.Parse("3.1."));
        Assert.True(TaskNumber.Parse("4") >= TaskNumber.Parse("3.99"));
        Assert.Equal(0, TaskNumber.Parse("3.1").CompareTo(TaskNumber.Parse("3.1")));
        Assert.Equal(1, TaskNumber.Parse("1").CompareTo(null));
    }

    [Fact]
    public void SortKey_SortsLikeTheNumbersAndRoundTrips()
    {
        var numbers = new[] { "3.10", "10", "3.9", "3", "2", "3.1.2", "3.1" }.Select(TaskNumber.Parse).ToArray();
        var byKey = numbers.OrderBy(n => n.SortKey, StringComparer.Ordinal).ToArray();
        var byNumber = numbers.Order().ToArray();
        Assert.Equal(byNumber, byKey);
        Assert.Equal("0003.0010", TaskNumber.Parse("3.10").SortKey);
        Assert.All(numbers, n => Assert.Equal(n, TaskNumber.FromSortKey(n.SortKey)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000")]
    [InlineData("0001.x")]
    public void FromSortKey_RejectsWhatItDidNotWrite(string key)
    {
        Assert.ThrowsAny<FormatException>(() => TaskNumber.FromSortKey(key));
    }

    [Fact]
    public void Parent_AndIsChildOf_FollowTheNesting()
    {
        var number = TaskNumber.Parse("3.1.2");
        Assert.Equal(TaskNumber.Parse("3.1"), number.Parent);
        Assert.Equal(TaskNumber.Parse("3"), number.Parent!.Parent);
        Assert.Null(TaskNumber.Parse("3").Parent);
        Assert.True(number.IsChildOf(TaskNumber.Parse("3.1")));
        Assert.False(number.IsChildOf(TaskNumber.Parse("3")));
        Assert.False(TaskNumber.Parse("4.1").IsChildOf(TaskNumber.Parse("3")));
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(TaskNumber.Parse("3.1"), TaskNumber.Parse("3.1."));
        Assert.Equal(TaskNumber.Parse("3.1").GetHashCode(), TaskNumber.Parse("3.1.").GetHashCode());
        Assert.NotEqual(TaskNumber.Parse("3.1"), TaskNumber.Parse("3.10"));
        Assert.True(TaskNumber.Parse("3") != TaskNumber.Parse("3.1"));
    }
}
