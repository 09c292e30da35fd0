namespace Directives.Server.DemoData;

/// <summary>A demo entity with the resource name it is seeded under.</summary>
/// <param name="Id">The resource id, the last segment of <paramref name="Name"/>: "cong-an-tinh", "2022-15-ct-ubnd", "3-1".</param>
/// <param name="Name">The full resource name: "provinces/tien-giang/directives/2022-15-ct-ubnd/tasks/3".</param>
/// <param name="Value">The domain entity, built through the domain's factories and methods.</param>
internal sealed record DemoResource<T>(string Id, string Name, T Value);
