using Directives.Server.DemoData;

namespace Directives.Server.Tests.DemoData;

/// <summary>The demo data of every province as of now, built once for the read-only tests.</summary>
internal static class DemoDataSets
{
    private static readonly Lazy<IReadOnlyList<DemoDataSet>> Current = new(
        () => DemoDataSet.ProvinceIds.Select(id => DemoDataSet.For(id, TimeProvider.System)).ToArray());

    public static IReadOnlyList<DemoDataSet> All => Current.Value;

    public static DemoDataSet Of(string provinceId) => All.Single(set => set.ProvinceId == provinceId);

    public static TheoryData<string> ProvinceIds => new(DemoDataSet.ProvinceIds);
}
