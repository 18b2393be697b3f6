namespace Xuc.Actors.Ami;

/// <summary>Channel name → device: <c>PJSIP/1001-0000000a</c> is device <c>PJSIP/1001</c> (PROTOCOL.md §4).</summary>
public static class DeviceName
{
    public static string? FromChannel(string? channel)
    {
        if (string.IsNullOrEmpty(channel)) return null;
        // Local channels (Local/1001@ctx-0001;1) are plumbing, not a line.
        if (channel.StartsWith("Local/", StringComparison.OrdinalIgnoreCase)) return null;
        var dash = channel.LastIndexOf('-');
        var slash = channel.IndexOf('/');
        if (slash <= 0) return null;
        return dash > slash ? channel[..dash] : channel;
    }
}
