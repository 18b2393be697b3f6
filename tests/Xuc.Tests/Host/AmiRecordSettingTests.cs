using Xuc.Host.Settings;
using Xuc.Host.Startup;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>XUC_AMI_RECORD: off by default, read from the environment, refused in one line when the file cannot be written.</summary>
public sealed class AmiRecordSettingTests
{
    [Fact]
    public void Off_by_default_and_set_by_its_variable()
    {
        Assert.Equal("", XucSettings.From(HoconLoader.Load()).Ami.RecordFile);
        Assert.Null(AmiWiring.OpenRecorder(new AmiSettings()));
        var s = XucSettings.From(HoconLoader.Load(null, name => name == "XUC_AMI_RECORD" ? "/var/tmp/day.ami" : null));
        Assert.Equal("/var/tmp/day.ami", s.Ami.RecordFile);
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_named_in_one_line()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "no-such-dir", "day.ami");
        var e = Assert.Throws<Xuc.Host.Settings.SettingError>(() => AmiWiring.OpenRecorder(new AmiSettings { RecordFile = path }));
        Assert.StartsWith($"XUC_AMI_RECORD={path}: cannot write this file: ", e.Message);
        Assert.EndsWith("(setting xuc.ami.record)", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void The_recorder_appends_across_restarts()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "day.ami");
        using (var first = AmiWiring.OpenRecorder(new AmiSettings { RecordFile = path })!) first.Connected("pbx", 5038);
        using (var second = AmiWiring.OpenRecorder(new AmiSettings { RecordFile = path })!) second.Connected("pbx", 5038);
        Assert.Equal(2, File.ReadAllLines(path).Count(l => l.EndsWith(" connect pbx 5038", StringComparison.Ordinal)));
    }
}
