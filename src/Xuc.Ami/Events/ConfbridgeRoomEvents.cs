using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

public sealed class ConfbridgeListRoomsEvent(AmiMessage message) : AmiEvent(message)
{
    public string Conference => Get("Conference");
    public int Parties => Int("Parties");
    public int Marked => Int("Marked");
    public string Locked => Get("Locked");
    public string Muted => Get("Muted");
}

public sealed class ConfbridgeListRoomsCompleteEvent(AmiMessage message) : AmiEvent(message)
{
    public int ListItems => Int("ListItems");
}

public sealed class ConfbridgeListCompleteEvent(AmiMessage message) : AmiEvent(message)
{
    public int ListItems => Int("ListItems");
}
