namespace Directives.Server.Notifications;

/// <summary>A province's feed has changes up to <paramref name="Sequence"/>: what replicas tell each other on commit.</summary>
/// <param name="ProvinceId">The province whose database committed.</param>
/// <param name="Sequence">The last sequence number the commit wrote.</param>
internal readonly record struct ChangeNotice(string ProvinceId, long Sequence);
