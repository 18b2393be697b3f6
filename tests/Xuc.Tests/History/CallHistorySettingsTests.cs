using Akka.Configuration;
using Xuc.Actors.History;

namespace Xuc.Tests.History;

public sealed class CallHistorySettingsTests
{
    [Fact]
    public void Defaults_are_90_days_and_1000_calls_and_a_bad_value_is_one_line_naming_the_setting()
    {
        Assert.Equal(new CallHistorySettings { RetentionDays = 90, MaxSize = 1000 }, CallHistorySettings.From(ConfigurationFactory.Empty));
        Assert.Equal(new CallHistorySettings { RetentionDays = 30, MaxSize = 50 },
            CallHistorySettings.From(ConfigurationFactory.ParseString("xuc.history { retention-days = 30, max-size = 50 }")));
        var e = Assert.Throws<InvalidOperationException>(() => CallHistorySettings.From(ConfigurationFactory.ParseString("xuc.history.max-size = 0")));
        Assert.Equal("xuc.history.max-size (XUC_HISTORY_MAX_SIZE) must be a number of calls from 1 to 100000, not '0'", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => CallHistorySettings.From(ConfigurationFactory.ParseString("xuc.history.retention-days = forever")));
        Assert.Equal("xuc.history.retention-days (XUC_HISTORY_RETENTION_DAYS) must be a number of days from 1 to 3650, not 'forever'", e.Message);
    }
}
