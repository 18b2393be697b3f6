using System.Text;
using Newtonsoft.Json;

namespace Xuc.Actors.Sessions.Outbound;

/// <summary>A message to a CTI client as its frame: <c>{"msgType":...,"ctiMessage":...}</c> in UTF-8 (PROTOCOL.md §2).</summary>
public static class CtiJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        Formatting = Formatting.None,
        NullValueHandling = NullValueHandling.Include,
    });

    /// <remarks>A <see cref="PreEncoded"/> message is its bytes already.</remarks>
    public static byte[] Encode(ICtiMessage message)
    {
        if (message is PreEncoded encoded) return encoded.Utf8;
        using var text = new StringWriter();
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("msgType");
            writer.WriteValue(message.MsgType);
            writer.WritePropertyName("ctiMessage");
            Serializer.Serialize(writer, message.CtiMessage);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
