using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using static Xuc.Actors.Sessions.Phone.PhoneCommands;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>The phone commands' arguments (PROTOCOL.md §2.1) for <see cref="CommandCatalog"/>: every profile may send them (own line only).</summary>
public static class PhoneCommandSpecs
{
    private static CommandArgument Str(string name, bool required = true) => CommandArgument.String(name, required);
    private static readonly CommandArgument Variables = new("variables", [JTokenType.Object], false);
    private static readonly CommandArgument UniqueId = Str("uniqueId", false);

    public static IEnumerable<CommandSpec> For(IReadOnlySet<ProfileKind> everyone) =>
    [
        new(Dial, [Str("destination"), Variables], everyone, true),
        new(DialFromMobile, [Str("destination"), Variables], everyone, true),
        new(DialFromQueue, [Str("destination"), new("queueId", [JTokenType.Integer, JTokenType.String]), Str("callerIdName", false), Str("callerIdNumber", false), Variables], everyone, true),
        new(DialByUsername, [Str("username"), Variables], everyone, true),
        new(Originate, [Str("destination")], everyone, true),
        new(Hangup, [UniqueId], everyone, true),
        new(Answer, [UniqueId], everyone, true),
        new(Hold, [UniqueId], everyone, true),
        new(DirectTransfer, [Str("destination")], everyone, true),
        // device: the protocol's choice of phone; a user has one line here, so it is read as a string and not used.
        new(AttendedTransfer, [Str("destination"), Str("device", false)], everyone, true),
        new(CompleteTransfer, [], everyone, true),
        new(CancelTransfer, [], everyone, true),
        new(SendDtmf, [Str("key")], everyone, true),
        new(SetData, [Variables with { Required = true }], everyone, true),
        new(ToggleMicrophone, [Str("uniqueId")], everyone, true),
    ];
}
