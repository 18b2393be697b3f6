using Newtonsoft.Json;

namespace Xuc.Actors.Sessions.Outbound;

// The call sheet pushed to the called user when an incoming call rings (reference "Sheet"), in the reference's shape:
// {"timenow":…,"compressed":true,"serial":"xml","payload":{"profile":{"user":{"internal":[…],"sheetQtui":null,
//  "sheetInfo":[{"value","name","order","type"}…],"systrayInfo":[]}}},"channel":"PJSIP/1001-00000002"}

public sealed record SheetMessage(
    [property: JsonProperty("timenow")] long TimeNow,
    [property: JsonProperty("compressed")] bool Compressed,
    [property: JsonProperty("serial")] string Serial,
    [property: JsonProperty("payload")] SheetPayload Payload,
    [property: JsonProperty("channel")] string Channel) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "Sheet";
}

public sealed record SheetPayload([property: JsonProperty("profile")] SheetProfile Profile);

public sealed record SheetProfile([property: JsonProperty("user")] SheetUser User);

public sealed record SheetUser(
    [property: JsonProperty("internal")] IReadOnlyList<SheetInternal> Internal,
    [property: JsonProperty("sheetQtui")] object? SheetQtui,
    [property: JsonProperty("sheetInfo")] IReadOnlyList<SheetInfo> SheetInfo,
    [property: JsonProperty("systrayInfo")] IReadOnlyList<SheetInfo> SystrayInfo);

public sealed record SheetInternal([property: JsonProperty("content")] string Content, [property: JsonProperty("name")] string Name);

public sealed record SheetInfo(
    [property: JsonProperty("value")] string Value,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("order")] int Order,
    [property: JsonProperty("type")] string Type);
