using Akka.Configuration;
using Xuc.Actors.Statistics;

namespace Xuc.Tests.Statistics;

public sealed class AgentStatsSettingsTests
{
    [Fact]
    public void The_refresh_defaults_to_30_s_takes_0_for_none_and_a_bad_value_is_one_line_naming_the_setting()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), AgentStatsSettings.From(ConfigurationFactory.Empty).Refresh);
        Assert.Equal(TimeSpan.Zero, AgentStatsSettings.From(ConfigurationFactory.ParseString("xuc.statistics.agent-refresh = 0s")).Refresh);
        Assert.Equal(TimeSpan.FromMinutes(1), AgentStatsSettings.From(ConfigurationFactory.ParseString("xuc.statistics.agent-refresh = 1m")).Refresh);
        var bad = Assert.Throws<InvalidOperationException>(() => AgentStatsSettings.From(ConfigurationFactory.ParseString("xuc.statistics.agent-refresh = often")));
        Assert.Equal("xuc.statistics.agent-refresh (XUC_STATS_AGENT_REFRESH) must be a duration such as 30s, or 0s for none, not 'often'", bad.Message);
    }
}
