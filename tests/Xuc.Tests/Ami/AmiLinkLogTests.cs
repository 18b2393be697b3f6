using Microsoft.Extensions.Logging;
using Xuc.Ami.Client;

namespace Xuc.Tests.Ami;

public sealed class AmiLinkLogTests
{
    private static readonly AmiClientOptions Options = new() { Host = "pbx", Port = 5038, Username = "xuc", ReconnectMax = TimeSpan.FromSeconds(5) };

    private static List<AmiLogLine?> Feed(params AmiConnectionState[] states)
    {
        var log = new AmiLinkLog(Options);
        return states.Select(log.On).ToList();
    }

    private static AmiConnectionState Connected => new(AmiLinkStatus.Connected);
    private static AmiConnectionState Refused => new(AmiLinkStatus.LoginRefused, "Authentication failed");
    private static AmiConnectionState Down(string why) => new(AmiLinkStatus.Disconnected, why);

    [Fact]
    public void A_refused_login_is_one_error_line_however_often_it_is_retried_and_one_line_when_accepted()
    {
        var lines = Feed(Refused, Refused, Refused, Connected);
        Assert.Equal(new AmiLogLine(LogLevel.Error, "AMI login refused for user xuc at pbx:5038: Authentication failed; retrying every 5 s"), lines[0]);
        Assert.All(lines[1..3], l => Assert.Equal(LogLevel.Debug, l!.Level));
        Assert.Equal(new AmiLogLine(LogLevel.Information, "AMI login accepted for user xuc at pbx:5038 after 3 failed attempt(s)"), lines[3]);
    }

    [Fact]
    public void A_first_start_is_one_information_line_and_the_transient_states_say_nothing()
    {
        var lines = Feed(new AmiConnectionState(AmiLinkStatus.Connecting), Connected, new AmiConnectionState(AmiLinkStatus.Stopped));
        Assert.Equal([null, new AmiLogLine(LogLevel.Information, "AMI connected to pbx:5038 as xuc"), null], lines);
    }

    [Fact]
    public void A_lost_link_is_one_warning_then_one_line_when_back()
    {
        var lines = Feed(Connected, Down("closed"), Down("refused"), Down("refused"), Connected);
        Assert.Equal(new AmiLogLine(LogLevel.Warning, "AMI link to pbx:5038 lost: closed; retrying every 5 s"), lines[1]);
        Assert.All(lines[2..4], l => Assert.Equal(LogLevel.Debug, l!.Level));
        Assert.Equal(new AmiLogLine(LogLevel.Information, "AMI reconnected to pbx:5038 after 3 failed attempt(s)"), lines[4]);
    }

    [Fact]
    public void An_unreachable_pbx_at_start_is_one_warning_and_a_refusal_after_it_is_its_own_error()
    {
        var lines = Feed(Down("Connection refused"), Down("Connection refused"), Refused);
        Assert.Equal(new AmiLogLine(LogLevel.Warning, "AMI cannot reach pbx:5038: Connection refused; retrying every 5 s"), lines[0]);
        Assert.Equal(LogLevel.Debug, lines[1]!.Level);
        Assert.Equal(LogLevel.Error, lines[2]!.Level);
    }
}
