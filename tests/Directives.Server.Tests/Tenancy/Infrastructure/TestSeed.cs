namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>A small registry for the tests: active, merged (read-only) and disabled provinces.</summary>
internal static class TestSeed
{
    public const string Json = """
        {
          "provinces": [
            { "id": "hung-yen", "displayName": "Hưng Yên", "state": "ACTIVE", "predecessors": [ "thai-binh" ] },
            { "id": "thai-binh", "displayName": "Thái Bình", "state": "READ_ONLY", "successor": "hung-yen", "successionDate": "2025-07-01" },
            { "id": "dong-thap", "displayName": "Đồng Tháp", "state": "ACTIVE", "predecessors": [ "tien-giang" ] },
            { "id": "tien-giang", "displayName": "Tiền Giang", "state": "READ_ONLY", "successor": "dong-thap", "successionDate": "2025-07-01" },
            { "id": "ninh-binh", "displayName": "Ninh Bình", "state": "ACTIVE" },
            { "id": "nam-dinh", "displayName": "Nam Định", "state": "ACTIVE" },
            { "id": "ha-giang", "displayName": "Hà Giang", "state": "DISABLED" }
          ]
        }
        """;
}
