using System.Text.RegularExpressions;
using Directives.Server.DemoData;

namespace Directives.Server.Tests.DemoData;

/// <summary>The entry point: which provinces, stable ids, well-formed resource names.</summary>
public sealed partial class DemoDataSetTests
{
    [Fact]
    public void TheFourFirstProvincesHaveDemoData()
    {
        Assert.Equal(["hung-yen", "nam-dinh", "tien-giang", "hai-duong"], DemoDataSet.ProvinceIds);
        Assert.True(DemoDataSet.Has("tien-giang"));
        Assert.False(DemoDataSet.Has("ha-noi"));
        Assert.Throws<ArgumentException>(() => DemoDataSet.For("ha-noi", TimeProvider.System));
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void EveryProvinceHasAgenciesDirectivesTasksAndACommittee(string provinceId)
    {
        var data = DemoDataSets.Of(provinceId);

        Assert.Equal(provinceId, data.ProvinceId);
        Assert.True(data.Agencies.Count >= 35, $"{data.Agencies.Count} agencies");
        Assert.NotEmpty(data.Directives);
        Assert.NotEmpty(data.Tasks);
        Assert.Contains(data.Tasks, t => t.Value.Reports.Count > 0);
        Assert.Single(data.Committees);
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void EachRunBuildsTheSameIds(string provinceId)
    {
        var first = DemoDataSet.For(provinceId, TimeProvider.System);
        var second = DemoDataSet.For(provinceId, TimeProvider.System);

        Assert.Equal(first.ResourceNames.OrderBy(n => n.Value), second.ResourceNames.OrderBy(n => n.Value));
        Assert.Equal(first.Tasks.Select(t => t.Value.Id), second.Tasks.Select(t => t.Value.Id));
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void ResourceNamesFollowTheApiPatterns(string provinceId)
    {
        var data = DemoDataSets.Of(provinceId);
        var prefix = $"provinces/{provinceId}/";

        Assert.All(data.Agencies, a => Assert.Equal($"{prefix}agencies/{a.Id}", a.Name));
        Assert.All(data.Directives, d => Assert.Equal($"{prefix}directives/{d.Id}", d.Name));
        Assert.All(data.Committees, c => Assert.Equal($"{prefix}committees/{c.Id}", c.Name));
        Assert.All(data.Tasks, t => Assert.Matches($"^{prefix}directives/[^/]+/tasks/{t.Id}$", t.Name));
        Assert.All(data.ResourceNames.Values, name =>
        {
            Assert.StartsWith(prefix, name);
            var segments = name.Split('/');
            Assert.True(segments.Length % 2 == 0, name);
            for (var i = 1; i < segments.Length; i += 2)
            {
                Assert.Matches(ResourceId(), segments[i]);
            }
        });
        Assert.Equal(data.ResourceNames.Count, data.ResourceNames.Values.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void EveryEntityHasItsResourceName(string provinceId)
    {
        var data = DemoDataSets.Of(provinceId);
        var names = data.ResourceNames;

        Assert.All(data.Agencies, a => Assert.Equal(a.Name, names[a.Value.Id]));
        Assert.All(data.Directives, d => Assert.Equal(d.Name, names[d.Value.Id]));
        Assert.All(data.Tasks, t =>
        {
            Assert.Equal(t.Name, names[t.Value.Id]);
            Assert.StartsWith(names[t.Value.DirectiveId] + "/tasks/", t.Name);
            Assert.All(t.Value.Reports, r => Assert.StartsWith(t.Name + "/reports/", names[r.Id]));
        });
        Assert.All(data.Committees, c =>
        {
            Assert.Equal(c.Name, names[c.Value.Id]);
            Assert.All(c.Value.Compositions, composition =>
            {
                Assert.StartsWith(c.Name + "/compositions/", names[composition.Id]);
                Assert.All(composition.Members, m => Assert.StartsWith(c.Name + "/members/", names[m.Id]));
            });
        });
    }

    [Fact]
    public void TheBuildEmbedsEverySeedDocument()
    {
        // CI always has ../shared beside the repository; without it the data set still builds (see
        // SeedDocumentTests) but says which documents it lacks.
        Assert.All(DemoDataSets.All, data => Assert.Empty(data.MissingSeedDocuments));
    }

    // The API's resource ID format (common.proto).
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex ResourceId();
}
