using Akka.Configuration;
using Xuc.Actors.Statistics;

namespace Xuc.Tests.Statistics;

public sealed class QueueStatsSettingsTests
{
    [Fact]
    public void The_coalescing_interval_defaults_to_10_ms_takes_0_to_1_s_and_a_bad_value_is_one_line_naming_the_setting()
    {
        static QueueStatsSettings Of(string hocon) => QueueStatsSettings.From(ConfigurationFactory.ParseString(hocon));

        Assert.Equal(TimeSpan.FromMilliseconds(10), QueueStatsSettings.From(ConfigurationFactory.Empty).Coalesce);
        Assert.Equal(TimeSpan.Zero, Of("xuc.statistics.coalesce = 0s").Coalesce);
        Assert.Equal(TimeSpan.FromMilliseconds(25), Of("xuc.statistics.coalesce = 25ms").Coalesce);
        Assert.Equal(TimeSpan.FromSeconds(1), Of("xuc.statistics.coalesce = 1s").Coalesce);
        foreach (var (value, shown) in new[] { ("often", "often"), ("2s", "2s"), ("-5ms", "-5ms") })
        {
            var bad = Assert.Throws<InvalidOperationException>(() => Of($"xuc.statistics.coalesce = {value}"));
            Assert.Equal($"xuc.statistics.coalesce (XUC_STATS_COALESCE) must be a duration from 0ms to 1s such as 10ms, not '{shown}'", bad.Message);
        }
    }
}
