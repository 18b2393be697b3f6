using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.UserServices;

/// <summary>
/// What a session asks of the user services: switch a phone service, apply a status's actions, read the mailbox's
/// counts. The server's is <see cref="PbxUserServiceDesk"/>; a session without one (TestKit tests) answers
/// NotImplemented and shows empty mailboxes.
/// </summary>
public interface IUserServiceDesk
{
    /// <summary>Writes the setting to the PBX, then to the store; the user's sessions hear of it through his topic.</summary>
    /// <returns>null when done, else the Error for the session that asked.</returns>
    Task<CtiError?> SetAsync(SessionUser user, PhoneServiceSetting setting);

    /// <summary>Applies the actions of <paramref name="status"/> (<see cref="StatusActions"/>); the Errors of those that failed.</summary>
    Task<IReadOnlyList<CtiError>> ApplyStatusActionsAsync(SessionUser user, UserStatus status);

    /// <summary>The counts of the user's mailbox (MailboxCount), or zeros when he has none or the PBX does not say.</summary>
    Task<VoiceMailStatusUpdate> VoiceMailAsync(SessionUser user);
}

/// <summary>A user's mailbox: the configured one, else his line's <c>number@context</c> (docs/cti-websocket.md, "Voicemail").</summary>
public static class Mailboxes
{
    /// <returns><c>box@context</c>, or null when the user has no mailbox.</returns>
    public static string? Of(SessionUser user) => user.User.VoiceMailBox switch
    {
        null => user.Line is { } line ? $"{line.Number}@{line.Context}" : null,
        "" => null,
        var box => box.Contains('@') ? box : box + "@default",
    };

    /// <summary>The <c>voiceMailId</c> of the wire: the user's id when he has a mailbox, 0 when not.</summary>
    public static int IdOf(SessionUser user) => Of(user) is null ? 0 : user.User.Id;

    /// <summary><c>waitingMessages</c> is app_voicemail's "messages waiting" flag (1 or 0): MessageWaiting's <c>Waiting</c>, else new &gt; 0.</summary>
    public static VoiceMailStatusUpdate Status(SessionUser user, int newMessages, int oldMessages, bool? waiting = null)
        => new(IdOf(user), newMessages, waiting ?? newMessages > 0 ? 1 : 0, oldMessages);
}
