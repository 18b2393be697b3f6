using Xuc.Actors.Sessions;
using Xuc.Host.Settings;

namespace Xuc.Tests.Host;

public sealed class CtiSettingsTests
{
    [Fact]
    public void Defaults_come_from_the_hocon_files_and_each_variable_overrides_its_setting()
    {
        Assert.Equal(new SessionSettings
        {
            LoggedOnTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(60), OutboxCapacity = 1024, MaxFrameBytes = 64 * 1024,
        }, SessionSettings.From(HoconLoader.Load(environment: _ => null)));

        var env = new Dictionary<string, string>
        {
            ["XUC_CTI_LOGGED_ON_TIMEOUT"] = "3s", ["XUC_CTI_IDLE_TIMEOUT"] = "2m", ["XUC_CTI_OUTBOX"] = "64", ["XUC_CTI_MAX_FRAME"] = "128k",
        };
        Assert.Equal(new SessionSettings
        {
            LoggedOnTimeout = TimeSpan.FromSeconds(3), IdleTimeout = TimeSpan.FromMinutes(2), OutboxCapacity = 64, MaxFrameBytes = 128 * 1024,
        }, SessionSettings.From(HoconLoader.Load(environment: n => env.GetValueOrDefault(n))));
    }

    [Theory]
    [InlineData("XUC_CTI_IDLE_TIMEOUT", "soon", "xuc.cti.idle-timeout (XUC_CTI_IDLE_TIMEOUT) must be a duration such as 60s, not 'soon'")]
    [InlineData("XUC_CTI_IDLE_TIMEOUT", "0s", "xuc.cti.idle-timeout (XUC_CTI_IDLE_TIMEOUT) must be a duration such as 60s, not '0s'")]
    [InlineData("XUC_CTI_LOGGED_ON_TIMEOUT", "-1s", "xuc.cti.logged-on-timeout (XUC_CTI_LOGGED_ON_TIMEOUT) must be a duration such as 10s, not '-1s'")]
    [InlineData("XUC_CTI_OUTBOX", "0", "xuc.cti.outbox (XUC_CTI_OUTBOX) must be a number of messages, at least 1, not '0'")]
    [InlineData("XUC_CTI_MAX_FRAME", "12", "xuc.cti.max-frame (XUC_CTI_MAX_FRAME) must be a size from 1k to 16m such as 64k, not '12'")]
    [InlineData("XUC_CTI_MAX_FRAME", "lots", "xuc.cti.max-frame (XUC_CTI_MAX_FRAME) must be a size from 1k to 16m such as 64k, not 'lots'")]
    public void A_bad_value_is_refused_in_one_line_naming_the_setting_and_the_value(string variable, string value, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => SessionSettings.From(HoconLoader.Load(environment: n => n == variable ? value : null)));
        Assert.Equal(message, e.Message);
    }
}
