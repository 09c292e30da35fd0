using Directives.Contracts.V1;
using Directives.Server.Services.Changes;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Changes;

/// <summary>A thick client's reading of the change feed: page after page from a token until the feed says there is no more.</summary>
internal static class ChangeFeedReader
{
    public static async Task<(List<ChangeEvent> Events, string Token)> CatchUpAsync(
        ChangeFeedService.ChangeFeedServiceClient client, string province, string token, int pageSize = 4)
    {
        var events = new List<ChangeEvent>();
        while (true)
        {
            var page = await client.ListChangesAsync(new ListChangesRequest { Parent = $"provinces/{province}", SinceToken = token, PageSize = pageSize });
            events.AddRange(page.Changes);
            Assert.NotEmpty(page.NextSinceToken);
            if (page.Changes.Count > 0)
            {
                Assert.Equal(page.Changes[^1].ChangeToken, page.NextSinceToken);
            }

            token = page.NextSinceToken;
            if (!page.HasMore)
            {
                return (events, token);
            }
        }
    }

    public static async Task<string> HeadAsync(ChangeFeedService.ChangeFeedServiceClient client, string province)
    {
        var head = await client.ListChangesAsync(new ListChangesRequest { Parent = $"provinces/{province}", StartAtHead = true });
        Assert.Empty(head.Changes);
        Assert.False(head.HasMore);
        return head.NextSinceToken;
    }

    /// <summary>The feed position a token names (the server's own reading of it; opaque to clients).</summary>
    public static long SequenceOf(string token) => ChangeToken.TryParse(token)!.Value.Sequence;
}
