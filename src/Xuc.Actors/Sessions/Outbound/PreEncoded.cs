namespace Xuc.Actors.Sessions.Outbound;

/// <summary>
/// A message already encoded as its whole frame (UTF-8 JSON): what a node-local feed hands every session it serves,
/// encoded once per node; the codec writes the bytes as they are.
/// </summary>
public sealed record PreEncoded(string MsgType, byte[] Utf8) : ICtiMessage
{
    public static PreEncoded Of(ICtiMessage message) => new(message.MsgType, CtiJson.Encode(message));
}
