using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

public sealed class ExtensionStatusEvent(AmiMessage message) : AmiEvent(message)
{
    public string Exten => Get("Exten");
    public string Context => Get("Context");
    public string Hint => Get("Hint");
    public int Status => Int("Status");
    public string StatusText => Get("StatusText");
}

public sealed class DeviceStateChangeEvent(AmiMessage message) : AmiEvent(message)
{
    public string Device => Get("Device");
    public string State => Get("State");
}

public sealed class ExtensionStateListCompleteEvent(AmiMessage message) : AmiEvent(message)
{
    public int ListItems => Int("ListItems");
}

public sealed class MessageWaitingEvent(AmiMessage message) : AmiEvent(message)
{
    public string Mailbox => Get("Mailbox");
    public int Waiting => Int("Waiting");
    public int New => Int("New");
    public int Old => Int("Old");
}

public sealed class MailboxCountEvent(AmiMessage message) : AmiEvent(message)
{
    public string Mailbox => Get("Mailbox");
    public int NewMessages => Int("NewMessages");
    public int OldMessages => Int("OldMessages");
    public int UrgentMessages => Int("UrgMessages");
}

public sealed class FullyBootedEvent(AmiMessage message) : AmiEvent(message)
{
    public string Status => Get("Status");
}

public sealed class CoreShowChannelsCompleteEvent(AmiMessage message) : AmiEvent(message)
{
    public int ListItems => Int("ListItems");
}

public sealed class AttendedTransferEvent(AmiMessage message) : AmiEvent(message)
{
    public string Result => Get("Result");
    public string OrigTransfererChannel => Get("OrigTransfererChannel");
    public string SecondTransfererChannel => Get("SecondTransfererChannel");
    public string TransferTargetChannel => Get("TransferTargetChannel");
    public string DestType => Get("DestType");
}

public sealed class BlindTransferEvent(AmiMessage message) : AmiEvent(message)
{
    public string Result => Get("Result");
    public string TransfererChannel => Get("TransfererChannel");
    public string Extension => Get("Extension");
    public string Context => Get("Context");
}
