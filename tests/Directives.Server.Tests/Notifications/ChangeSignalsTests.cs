using Directives.Server.Notifications;

namespace Directives.Server.Tests.Notifications;

public sealed class ChangeSignalsTests
{
    [Fact]
    public async Task A_notice_completes_the_waits_taken_before_it_for_its_province_and_for_any()
    {
        var signals = new ChangeSignals();
        var hungYen = signals.WhenChanged("hung-yen");
        var namDinh = signals.WhenChanged("nam-dinh");
        var any = signals.WhenAnyChanged();

        await new LocalChangeBus(signals).PublishAsync(new ChangeNotice("hung-yen", 7), CancellationToken.None);

        await hungYen.WaitAsync(TimeSpan.FromSeconds(30));
        await any.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(namDinh.IsCompleted);
    }

    [Fact]
    public void A_wait_taken_after_a_notice_waits_for_the_next_one()
    {
        var signals = new ChangeSignals();
        signals.Raise(new ChangeNotice("hung-yen", 1));

        var next = signals.WhenChanged("hung-yen");
        var nextAny = signals.WhenAnyChanged();
        Assert.False(next.IsCompleted);
        Assert.False(nextAny.IsCompleted);

        signals.Raise(new ChangeNotice("hung-yen", 2));
        Assert.True(next.IsCompleted);
        Assert.True(nextAny.IsCompleted);
        Assert.Same(signals.WhenChanged("hung-yen"), signals.WhenChanged("hung-yen"));
    }
}
