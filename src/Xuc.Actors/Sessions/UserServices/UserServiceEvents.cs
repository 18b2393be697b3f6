using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions.UserServices;

/// <summary>
/// Published on the user's topic when his phone services changed in the store (his own command, a status action, or an
/// administrator): every session of his, on any node, sends UserConfigUpdate.
/// </summary>
public sealed record UserServicesChanged(string Login, PhoneServices Services);

/// <summary>
/// A mailbox's counts from the PBX's MessageWaiting, published on <see cref="PubSub.Topics.Mailbox"/>: the sessions
/// of the users who own it send VoiceMailStatusUpdate.
/// </summary>
public sealed record MailboxChanged(string Mailbox, int NewMessages, int OldMessages, bool Waiting);
