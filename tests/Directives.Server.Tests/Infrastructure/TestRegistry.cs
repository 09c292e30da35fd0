namespace Directives.Server.Tests.Infrastructure;

/// <summary>
/// The province registry the test server starts from: the four first tenants with their successors, as
/// in the shipped registry (the merged provinces READ_ONLY), and nothing else, so that startup migrates
/// eight databases rather than thirty-eight. Tests that need an empty province create one
/// (<see cref="DirectivesServerFixture.CreateProvinceAsync"/>).
/// </summary>
internal static class TestRegistry
{
    public const string Json = """
        {
          "provinces": [
            { "id": "hung-yen", "displayName": "Hưng Yên", "state": "ACTIVE", "predecessors": [ "thai-binh" ] },
            { "id": "thai-binh", "displayName": "Thái Bình", "state": "READ_ONLY", "successor": "hung-yen", "successionDate": "2025-07-01" },
            { "id": "ninh-binh", "displayName": "Ninh Bình", "state": "ACTIVE", "predecessors": [ "nam-dinh" ] },
            { "id": "nam-dinh", "displayName": "Nam Định", "state": "READ_ONLY", "successor": "ninh-binh", "successionDate": "2025-07-01" },
            { "id": "dong-thap", "displayName": "Đồng Tháp", "state": "ACTIVE", "predecessors": [ "tien-giang" ] },
            { "id": "tien-giang", "displayName": "Tiền Giang", "state": "READ_ONLY", "successor": "dong-thap", "successionDate": "2025-07-01" },
            { "id": "hai-phong", "displayName": "Hải Phòng", "state": "ACTIVE", "predecessors": [ "hai-duong" ] },
            { "id": "hai-duong", "displayName": "Hải Dương", "state": "READ_ONLY", "successor": "hai-phong", "successionDate": "2025-07-01" }
          ]
        }
        """;
}
