using Newtonsoft.Json;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration.Storage;

/// <summary>Model records ↔ stored rows.</summary>
internal static class RowMapping
{
    private static string J<T>(T value) => JsonConvert.SerializeObject(value);
    private static T P<T>(string json) => JsonConvert.DeserializeObject<T>(json)!;

    public static UserRow ToRow(User u)
    {
        var s = u.Services ?? PhoneServices.Off;
        return new()
        {
            Id = u.Id, Login = u.Login, PasswordHash = u.PasswordHash ?? "", FirstName = u.FirstName, LastName = u.LastName, MobileNumber = u.MobileNumber,
            LineId = u.LineId, AgentId = u.AgentId, RightProfileId = u.RightProfileId,
            DndEnabled = s.DndEnabled, NaFwdEnabled = s.NaFwdEnabled, NaFwdDestination = s.NaFwdDestination, UncFwdEnabled = s.UncFwdEnabled,
            UncFwdDestination = s.UncFwdDestination, BusyFwdEnabled = s.BusyFwdEnabled, BusyFwdDestination = s.BusyFwdDestination,
            VoiceMailBox = u.VoiceMailBox, TokenVersion = u.TokenVersion,
        };
    }

    public static User ToModel(UserRow r) => new()
    {
        Id = r.Id, Login = r.Login, PasswordHash = r.PasswordHash, FirstName = r.FirstName, LastName = r.LastName, MobileNumber = r.MobileNumber,
        LineId = r.LineId, AgentId = r.AgentId, RightProfileId = r.RightProfileId,
        Services = new PhoneServices
        {
            DndEnabled = r.DndEnabled, NaFwdEnabled = r.NaFwdEnabled, NaFwdDestination = r.NaFwdDestination, UncFwdEnabled = r.UncFwdEnabled,
            UncFwdDestination = r.UncFwdDestination, BusyFwdEnabled = r.BusyFwdEnabled, BusyFwdDestination = r.BusyFwdDestination,
        },
        VoiceMailBox = r.VoiceMailBox, TokenVersion = r.TokenVersion,
    };

    public static LineRow ToRow(Line l) => new() { Id = l.Id, Number = l.Number, Interface = l.Interface, Context = l.Context };
    public static Line ToModel(LineRow r) => new() { Id = r.Id, Number = r.Number, Interface = r.Interface, Context = r.Context };

    public static AgentRow ToRow(Agent a) => new() { Id = a.Id, Number = a.Number, FirstName = a.FirstName, LastName = a.LastName, GroupId = a.GroupId, Context = a.Context, DefaultQueuesJson = J(a.DefaultQueues) };
    public static Agent ToModel(AgentRow r) => new() { Id = r.Id, Number = r.Number, FirstName = r.FirstName, LastName = r.LastName, GroupId = r.GroupId, Context = r.Context, DefaultQueues = P<List<QueueMembership>>(r.DefaultQueuesJson) };

    public static QueueRow ToRow(Queue q) => new() { Id = q.Id, Name = q.Name, DisplayName = q.DisplayName, Number = q.Number, Context = q.Context, WrapUpSeconds = q.WrapUpSeconds, MemberInterface = q.MemberInterface ?? "" };
    public static Queue ToModel(QueueRow r) => new() { Id = r.Id, Name = r.Name, DisplayName = r.DisplayName, Number = r.Number, Context = r.Context, WrapUpSeconds = r.WrapUpSeconds, MemberInterface = r.MemberInterface };

    public static AgentGroupRow ToRow(AgentGroup g) => new() { Id = g.Id, Name = g.Name, DisplayName = g.DisplayName };
    public static AgentGroup ToModel(AgentGroupRow r) => new() { Id = r.Id, Name = r.Name, DisplayName = r.DisplayName };

    public static RightProfileRow ToRow(RightProfile p) => new() { Id = p.Id, Name = p.Name, Kind = p.Kind.ToString(), QueueIdsJson = J(p.QueueIds), GroupIdsJson = J(p.GroupIds) };
    public static RightProfile ToModel(RightProfileRow r) => new() { Id = r.Id, Name = r.Name, Kind = Enum.Parse<ProfileKind>(r.Kind), QueueIds = P<List<int>>(r.QueueIdsJson), GroupIds = P<List<int>>(r.GroupIdsJson) };

    public static UserStatusRow ToRow(UserStatus s) => new() { Name = s.Name, Color = s.Color, LongName = s.LongName, ActionsJson = J(s.Actions) };
    public static SheetFieldRow ToRow(SheetField f) => new() { Name = f.Name, Type = f.Type, Order = f.Order, Value = f.Value };
    public static SheetField ToModel(SheetFieldRow r) => new() { Name = r.Name, Type = r.Type, Order = r.Order, Value = r.Value };
    public static UserStatus ToModel(UserStatusRow r) => new() { Name = r.Name, Color = r.Color, LongName = r.LongName, Actions = P<List<string>>(r.ActionsJson) };

    public static ContactRow ToRow(DirectoryContact c) => new() { Id = c.Id, FirstName = c.FirstName, LastName = c.LastName, Number = c.Number, Mobile = c.Mobile, Email = c.Email, Company = c.Company };
    public static DirectoryContact ToModel(ContactRow r) => new() { Id = r.Id, FirstName = r.FirstName, LastName = r.LastName, Number = r.Number, Mobile = r.Mobile, Email = r.Email, Company = r.Company };
}
