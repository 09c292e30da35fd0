namespace Directives.Server.DemoData;

/// <summary>A province that has demo data, and how to build it.</summary>
/// <param name="Id">The tenant id: "hung-yen".</param>
/// <param name="Name">"Hưng Yên".</param>
/// <param name="Build">Adds the province's agencies, directives and committees.</param>
internal sealed record DemoProvince(string Id, string Name, Action<DemoDataBuilder> Build);
