using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Directory;

// The directory's commands (docs/directory.md): term, contactId and source are strings.

/// <summary><c>directoryLookUp {term}</c> and its successor <c>searchContacts {term}</c>: a <c>DirectoryResult</c>.</summary>
public sealed record DirectoryLookUp(string Term) : ICtiCommand;

/// <summary><c>getFavorites</c> / <c>getFavoriteContacts</c>: the user's favourites as <c>Favorites</c>.</summary>
public sealed record GetFavorites : ICtiCommand;

/// <summary><c>addFavorite {contactId, source}</c>.</summary>
public sealed record AddFavorite(string ContactId, string Source) : ICtiCommand;

/// <summary><c>removeFavorite {contactId, source}</c>.</summary>
public sealed record RemoveFavorite(string ContactId, string Source) : ICtiCommand;

public sealed class DirectoryFeature : ICtiFeature
{
    public IEnumerable<CtiCommandDefinition> Commands
    {
        get
        {
            var handler = new DirectoryHandler();
            yield return CtiCommandDefinition.Of("directoryLookUp", CtiProfiles.Everyone, a => new DirectoryLookUp(a.String("term", SearchTermLimit)), handler);
            yield return CtiCommandDefinition.Of("searchContacts", CtiProfiles.Everyone, a => new DirectoryLookUp(a.String("term", SearchTermLimit)), handler);
            yield return CtiCommandDefinition.Of("getFavorites", CtiProfiles.Everyone, _ => new GetFavorites(), handler);
            yield return CtiCommandDefinition.Of("getFavoriteContacts", CtiProfiles.Everyone, _ => new GetFavorites(), handler);
            yield return CtiCommandDefinition.Of("addFavorite", CtiProfiles.Everyone, a => new AddFavorite(a.String("contactId"), a.String("source")), handler);
            yield return CtiCommandDefinition.Of("removeFavorite", CtiProfiles.Everyone, a => new RemoveFavorite(a.String("contactId"), a.String("source")), handler);
        }
    }

    private const int SearchTermLimit = 1024;
}

/// <summary>
/// Runs the directory commands through the node's <see cref="DirectoryDesk"/>; a favourite added or removed goes to
/// every session of the user, on any node, through his user topic.
/// </summary>
public sealed class DirectoryHandler :
    ICtiCommandHandler<DirectoryLookUp>, ICtiCommandHandler<GetFavorites>, ICtiCommandHandler<AddFavorite>, ICtiCommandHandler<RemoveFavorite>
{
    public void Handle(DirectoryLookUp command, SessionContext session)
    {
        if (Desk("directoryLookUp", session) is { } desk) session.Reply("directoryLookUp", desk.LookUpAsync(session.User.User.Id, command.Term));
    }

    public void Handle(GetFavorites command, SessionContext session)
    {
        if (Desk("getFavorites", session) is { } desk) session.Reply("getFavorites", desk.FavoritesAsync(session.User.User.Id));
    }

    public void Handle(AddFavorite command, SessionContext session)
    {
        if (Desk("addFavorite", session) is { } desk) Announce("addFavorite", session, desk.AddFavoriteAsync(session.User.User.Id, command.ContactId, command.Source));
    }

    public void Handle(RemoveFavorite command, SessionContext session)
    {
        if (Desk("removeFavorite", session) is { } desk) Announce("removeFavorite", session, desk.RemoveFavoriteAsync(session.User.User.Id, command.ContactId, command.Source));
    }

    /// <summary>A change goes to all the user's sessions (this one included) through his topic; an error to this session only.</summary>
    private static void Announce(string command, SessionContext session, Task<(FavoriteUpdated? Change, CtiError? Error)> outcome)
    {
        var mediator = DistributedPubSub.Get(session.System).Mediator;
        var topic = Topics.User(session.User.User.Login);
        var self = session.Session;
        outcome.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully && t.Result.Change is { } change) mediator.Tell(new Publish(topic, new CommandReply(change)));
            else if (t.IsCompletedSuccessfully && t.Result.Error is { } error) self.Tell(new CommandReply(error));
            else self.Tell(new CommandReply(new CtiError(CtiErrors.ServiceFailed, $"{command}: {t.Exception?.GetBaseException().Message}")));
        }, TaskScheduler.Default);
    }

    private static DirectoryDesk? Desk(string command, SessionContext session)
    {
        if (session.Service<DirectoryDesk>() is { } desk) return desk;
        session.Push(new CtiError(CtiErrors.NotImplemented, $"{command}: no directory on this node"));
        return null;
    }
}
