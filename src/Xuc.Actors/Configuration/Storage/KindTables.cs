using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration.Storage;

/// <summary>The table of each <see cref="IConfigKind"/>.</summary>
internal static class KindTables
{
    private static bool IntKey(string text, out int key) => int.TryParse(text, out key);
    private static bool NameKey(string text, out string key) { key = text; return true; }

    private static readonly Dictionary<Type, IKindTable> ByType = new()
    {
        [typeof(User)] = new KindTable<User, UserRow, int>(RowMapping.ToRow, RowMapping.ToModel, r => r.Id, IntKey),
        [typeof(Line)] = new KindTable<Line, LineRow, int>(RowMapping.ToRow, RowMapping.ToModel, r => r.Id, IntKey),
        [typeof(Agent)] = new KindTable<Agent, AgentRow, int>(RowMapping.ToRow, RowMapping.ToModel, r => r.Id, IntKey),
        [typeof(Queue)] = new KindTable<Queue, QueueRow, int>(RowMapping.ToRow, RowMapping.ToModel, r => r.Id, IntKey),
        [typeof(AgentGroup)] = new KindTable<AgentGroup, AgentGroupRow, int>(RowMapping.ToRow, RowMapping.ToModel, r => r.Id, IntKey),
        [typeof(RightProfile)] = new KindTable<RightProfile, RightProfileRow, int>(RowMapping.ToRow, RowMapping.ToModel, r => r.Id, IntKey),
        [typeof(UserStatus)] = new KindTable<UserStatus, UserStatusRow, string>(RowMapping.ToRow, RowMapping.ToModel, r => r.Name, NameKey),
        [typeof(SheetField)] = new KindTable<SheetField, SheetFieldRow, string>(RowMapping.ToRow, RowMapping.ToModel, r => r.Name, NameKey),
        [typeof(DirectoryContact)] = new KindTable<DirectoryContact, ContactRow, int>(RowMapping.ToRow, RowMapping.ToModel, r => r.Id, IntKey),
        [typeof(DirectorySource)] = new KindTable<DirectorySource, DirectorySourceRow, string>(RowMapping.ToRow, RowMapping.ToModel, r => r.Name, NameKey),
    };

    public static IKindTable Of(IConfigKind kind) => ByType[kind.ItemType];
}
