using LinqToDB;
using LinqToDB.Data;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration.Storage;

/// <summary>Writes or deletes the row of one model object.</summary>
internal static class RowWriter
{
    public static Task<int> Write(DataConnection db, object item) => item switch
    {
        User u => db.InsertOrReplaceAsync(RowMapping.ToRow(u)),
        Line l => db.InsertOrReplaceAsync(RowMapping.ToRow(l)),
        Agent a => db.InsertOrReplaceAsync(RowMapping.ToRow(a)),
        Queue q => db.InsertOrReplaceAsync(RowMapping.ToRow(q)),
        AgentGroup g => db.InsertOrReplaceAsync(RowMapping.ToRow(g)),
        RightProfile p => db.InsertOrReplaceAsync(RowMapping.ToRow(p)),
        UserStatus s => db.InsertOrReplaceAsync(RowMapping.ToRow(s)),
        DirectoryContact c => db.InsertOrReplaceAsync(RowMapping.ToRow(c)),
        _ => throw new ArgumentException($"not a configuration object: {item.GetType().Name}"),
    };

    public static Task<int> Delete(DataConnection db, object item) => item switch
    {
        User u => db.GetTable<UserRow>().Where(r => r.Id == u.Id).DeleteAsync(),
        Line l => db.GetTable<LineRow>().Where(r => r.Id == l.Id).DeleteAsync(),
        Agent a => db.GetTable<AgentRow>().Where(r => r.Id == a.Id).DeleteAsync(),
        Queue q => db.GetTable<QueueRow>().Where(r => r.Id == q.Id).DeleteAsync(),
        AgentGroup g => db.GetTable<AgentGroupRow>().Where(r => r.Id == g.Id).DeleteAsync(),
        RightProfile p => db.GetTable<RightProfileRow>().Where(r => r.Id == p.Id).DeleteAsync(),
        UserStatus s => db.GetTable<UserStatusRow>().Where(r => r.Name == s.Name).DeleteAsync(),
        DirectoryContact c => db.GetTable<ContactRow>().Where(r => r.Id == c.Id).DeleteAsync(),
        _ => throw new ArgumentException($"not a configuration object: {item.GetType().Name}"),
    };
}
