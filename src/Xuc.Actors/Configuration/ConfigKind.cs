using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration;

/// <summary>One kind of configuration object: its wire name, its list in a snapshot and its key.</summary>
public interface IConfigKind
{
    string Name { get; }
    /// <summary>The JSON field holding the key: <c>id</c>, or <c>name</c> for user statuses.</summary>
    string KeyField { get; }
    Type ItemType { get; }
    IReadOnlyList<object> Items(ConfigSnapshot snapshot);
    string KeyOf(object item);
    ConfigSnapshot Upsert(ConfigSnapshot snapshot, object item);
    ConfigSnapshot Remove(ConfigSnapshot snapshot, string key);
    /// <summary>Every item of <paramref name="incoming"/> replaces the one with its key or is added (one pass, by key).</summary>
    ConfigSnapshot Merge(ConfigSnapshot snapshot, ConfigSnapshot incoming);
    /// <summary>The item with its key forced to <paramref name="key"/> (PUT /kind/key).</summary>
    object WithKey(object item, string key);
}

public sealed class ConfigKind<T>(
    string name,
    Func<ConfigSnapshot, IReadOnlyList<T>> get,
    Func<ConfigSnapshot, IReadOnlyList<T>, ConfigSnapshot> with,
    Func<T, string> key,
    Func<T, string, T> withKey,
    string keyField = "id") : IConfigKind where T : class
{
    public string Name => name;
    public string KeyField => keyField;
    public Type ItemType => typeof(T);
    public IReadOnlyList<T> Of(ConfigSnapshot s) => get(s);
    public IReadOnlyList<object> Items(ConfigSnapshot s) => get(s);
    public string KeyOf(object item) => key((T)item);
    public object WithKey(object item, string k) => withKey((T)item, k);

    public ConfigSnapshot Upsert(ConfigSnapshot s, object item)
    {
        var t = (T)item;
        var k = key(t);
        var list = get(s).ToList();
        var i = list.FindIndex(x => key(x) == k);
        if (i >= 0) list[i] = t; else list.Add(t);
        return with(s, list);
    }

    public ConfigSnapshot Remove(ConfigSnapshot s, string k) => with(s, get(s).Where(x => key(x) != k).ToList());

    public ConfigSnapshot Merge(ConfigSnapshot s, ConfigSnapshot incoming)
    {
        var items = get(incoming);
        if (items.Count == 0) return s;
        var list = get(s).ToList();
        var index = new Dictionary<string, int>(list.Count);
        for (var i = 0; i < list.Count; i++) index[key(list[i])] = i;
        var seen = new HashSet<string>();
        foreach (var t in items)
        {
            var k = key(t);
            if (!seen.Add(k)) throw new ConfigValidationException([$"{name} {k}: listed more than once in the file"]);
            if (index.TryGetValue(k, out var i)) list[i] = t;
            else list.Add(t);
        }
        return with(s, list);
    }
}

/// <summary>The ten kinds, by the names the admin API and change notifications use.</summary>
public static class ConfigKinds
{
    private static int IntKey(string k) => int.TryParse(k, out var v) ? v : throw new ConfigValidationException([$"'{k}' is not a numeric id"]);

    public static readonly ConfigKind<User> User = new("user", s => s.Users, (s, l) => s with { Users = l }, x => x.Id.ToString(), (x, k) => x with { Id = IntKey(k) });
    public static readonly ConfigKind<Line> Line = new("line", s => s.Lines, (s, l) => s with { Lines = l }, x => x.Id.ToString(), (x, k) => x with { Id = IntKey(k) });
    public static readonly ConfigKind<Agent> Agent = new("agent", s => s.Agents, (s, l) => s with { Agents = l }, x => x.Id.ToString(), (x, k) => x with { Id = IntKey(k) });
    public static readonly ConfigKind<Queue> Queue = new("queue", s => s.Queues, (s, l) => s with { Queues = l }, x => x.Id.ToString(), (x, k) => x with { Id = IntKey(k) });
    public static readonly ConfigKind<AgentGroup> AgentGroup = new("agentgroup", s => s.AgentGroups, (s, l) => s with { AgentGroups = l }, x => x.Id.ToString(), (x, k) => x with { Id = IntKey(k) });
    public static readonly ConfigKind<RightProfile> RightProfile = new("rightprofile", s => s.RightProfiles, (s, l) => s with { RightProfiles = l }, x => x.Id.ToString(), (x, k) => x with { Id = IntKey(k) });
    public static readonly ConfigKind<UserStatus> UserStatus = new("userstatus", s => s.UserStatuses, (s, l) => s with { UserStatuses = l }, x => x.Name, (x, k) => x with { Name = k }, "name");
    public static readonly ConfigKind<SheetField> SheetField = new("sheetfield", s => s.SheetFields, (s, l) => s with { SheetFields = l }, x => x.Name, (x, k) => x with { Name = k }, "name");
    public static readonly ConfigKind<DirectoryContact> Contact = new("contact", s => s.Contacts, (s, l) => s with { Contacts = l }, x => x.Id.ToString(), (x, k) => x with { Id = IntKey(k) });

    public static readonly ConfigKind<DirectorySource> DirectorySource = new("directorysource", s => s.DirectorySources, (s, l) => s with { DirectorySources = l }, x => x.Name, (x, k) => x with { Name = k }, "name");

    public static readonly IReadOnlyList<IConfigKind> All = [User, Line, Agent, Queue, AgentGroup, RightProfile, UserStatus, SheetField, Contact, DirectorySource];

    public static IConfigKind? Find(string name) => All.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
