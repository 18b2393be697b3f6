using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Host.WebSocket;

/// <summary>The CTI frames' JSON (PROTOCOL.md §2): client frames to session messages, session messages to frames.</summary>
public static class CtiCodec
{
    private static readonly JsonLoadSettings Load = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    /// <summary><c>{"msgType":...,"ctiMessage":...}</c> as UTF-8; a <see cref="PreEncoded"/> message as its bytes.</summary>
    public static byte[] Encode(ICtiMessage message) => CtiJson.Encode(message);

    /// <summary>One text frame: <see cref="ClientPing"/>, <see cref="ClientCommand"/> or <see cref="ClientFrameRejected"/>.</summary>
    public static object Decode(ReadOnlySpan<byte> utf8)
    {
        JObject frame;
        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(utf8))) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, Load);
            if (reader.Read()) return Rejected(CtiErrors.InvalidJson, "a frame holds one JSON object and nothing after it");
            if (token is not JObject o) return Rejected(CtiErrors.InvalidJson, $"a frame must be a JSON object, not {token.Type.ToString().ToLowerInvariant()}");
            frame = o;
        }
        catch (JsonException e)
        {
            return Rejected(CtiErrors.InvalidJson, "not JSON: " + e.Message);
        }
        if (frame["claz"] is not JValue { Type: JTokenType.String } claz)
            return Rejected(CtiErrors.MissingClaz, "a frame needs \"claz\":\"web\" (a command) or \"claz\":\"ping\"");
        switch ((string)claz!)
        {
            case "ping":
                return ClientPing.Instance;
            case "web":
                return frame["command"] is JValue { Type: JTokenType.String } command && ((string)command!).Length > 0
                    ? ClientCommand.Of((string)command!, frame)
                    : Rejected(CtiErrors.MissingCommand, "a \"claz\":\"web\" frame needs a \"command\" string");
            default:
                return Rejected(CtiErrors.UnknownClaz, "claz must be \"web\" or \"ping\"");
        }
    }

    private static ClientFrameRejected Rejected(string code, string message) => new(code, message);
}
