using Newtonsoft.Json;

namespace Xuc.Actors.Sessions.Outbound;

/// <summary>
/// A message to a CTI client, sent as <c>{"msgType":MsgType,"ctiMessage":CtiMessage}</c> (PROTOCOL.md §2). The
/// records carry their wire names in <see cref="JsonPropertyAttribute"/>s; the codec in Xuc.Host writes the envelope.
/// </summary>
public interface ICtiMessage
{
    [JsonIgnore] string MsgType { get; }

    /// <summary>What goes under <c>ctiMessage</c>: the record itself unless it says otherwise (e.g. a list).</summary>
    [JsonIgnore] object CtiMessage => this;
}
