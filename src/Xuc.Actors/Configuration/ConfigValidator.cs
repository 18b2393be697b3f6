using System.Text.RegularExpressions;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration;

/// <summary>Checks a whole snapshot: required fields, unique ids/numbers/logins, references between objects.</summary>
public static partial class ConfigValidator
{
    [GeneratedRegex(@"^(PJSIP|SIP|IAX2|DAHDI|Local|SCCP)/[^\s/]+$")]
    private static partial Regex DeviceInterface();

    /// <summary>A queue's member interface template: a technology, then the line's <c>{number}</c> somewhere (Local/{number}@agents/n).</summary>
    [GeneratedRegex(@"^(PJSIP|SIP|IAX2|DAHDI|Local|SCCP)/[^\s{}]*\{number\}[^\s{}]*$")]
    private static partial Regex MemberInterfaceTemplate();

    [GeneratedRegex(@"^[0-9*#+]{1,32}$")]
    private static partial Regex DialNumber();

    [GeneratedRegex(@"^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Color();

    public static IReadOnlyList<string> Errors(ConfigSnapshot s)
    {
        var errors = new List<string>();
        void Unique<T, TK>(string kind, IEnumerable<T> items, Func<T, TK> key, string field, Func<T, string> name) where TK : notnull
        {
            foreach (var g in items.GroupBy(key).Where(g => g.Count() > 1))
                errors.Add($"{kind} {name(g.Skip(1).First())}: {field} '{g.Key}' is used more than once");
        }
        void Required(string kind, string id, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add($"{kind} {id}: {field} is required");
        }
        void Number(string kind, string id, string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && !DialNumber().IsMatch(value)) errors.Add($"{kind} {id}: {field} '{value}' is not a dialable number");
        }

        var lines = s.Lines.Select(l => l.Id).ToHashSet();
        var agents = s.Agents.Select(a => a.Id).ToHashSet();
        var queues = s.Queues.Select(q => q.Id).ToHashSet();
        var groups = s.AgentGroups.Select(g => g.Id).ToHashSet();
        var profiles = s.RightProfiles.Select(p => p.Id).ToHashSet();

        Unique("user", s.Users, u => u.Id, "id", u => u.Id.ToString());
        Unique("user", s.Users, u => u.Login.ToLowerInvariant(), "login", u => u.Id.ToString());
        foreach (var u in s.Users)
        {
            var id = u.Id.ToString();
            Required("user", id, "login", u.Login);
            if (string.IsNullOrEmpty(u.PasswordHash) && string.IsNullOrEmpty(u.Password)) errors.Add($"user {id}: password is required");
            Number("user", id, "mobileNumber", u.MobileNumber);
            if (u.LineId is { } l && !lines.Contains(l)) errors.Add($"user {id}: lineId {l} does not exist");
            if (u.AgentId is { } a && !agents.Contains(a)) errors.Add($"user {id}: agentId {a} does not exist");
            if (u.RightProfileId is { } p && !profiles.Contains(p)) errors.Add($"user {id}: rightProfileId {p} does not exist");
            errors.AddRange(UserServiceRules.Problems(u).Select(problem => $"user {id}: {problem}"));
        }
        Unique("user", s.Users.Where(u => u.LineId is not null), u => u.LineId!.Value, "lineId", u => u.Id.ToString());
        Unique("user", s.Users.Where(u => u.AgentId is not null), u => u.AgentId!.Value, "agentId", u => u.Id.ToString());

        Unique("line", s.Lines, l => l.Id, "id", l => l.Id.ToString());
        Unique("line", s.Lines, l => l.Number, "number", l => l.Id.ToString());
        Unique("line", s.Lines, l => l.Interface.ToLowerInvariant(), "interface", l => l.Id.ToString());
        foreach (var l in s.Lines)
        {
            var id = l.Id.ToString();
            Required("line", id, "number", l.Number);
            Number("line", id, "number", l.Number);
            if (!DeviceInterface().IsMatch(l.Interface ?? "")) errors.Add($"line {id}: interface '{l.Interface}' is not a device such as PJSIP/1001");
            Required("line", id, "context", l.Context);
        }

        Unique("agent", s.Agents, a => a.Id, "id", a => a.Id.ToString());
        Unique("agent", s.Agents, a => a.Number, "number", a => a.Id.ToString());
        foreach (var a in s.Agents)
        {
            var id = a.Id.ToString();
            Required("agent", id, "number", a.Number);
            Number("agent", id, "number", a.Number);
            if (!groups.Contains(a.GroupId)) errors.Add($"agent {id}: groupId {a.GroupId} does not exist");
            foreach (var m in a.DefaultQueues ?? [])
            {
                if (!queues.Contains(m.QueueId)) errors.Add($"agent {id}: defaultQueues queueId {m.QueueId} does not exist");
                if (m.Penalty is < 0 or > 99) errors.Add($"agent {id}: defaultQueues penalty {m.Penalty} is outside 0..99");
            }
            foreach (var g in (a.DefaultQueues ?? []).GroupBy(m => m.QueueId).Where(g => g.Count() > 1))
                errors.Add($"agent {id}: defaultQueues lists queueId {g.Key} more than once");
        }

        Unique("queue", s.Queues, q => q.Id, "id", q => q.Id.ToString());
        Unique("queue", s.Queues, q => q.Name, "name", q => q.Id.ToString());
        Unique("queue", s.Queues, q => q.Number, "number", q => q.Id.ToString());
        foreach (var q in s.Queues)
        {
            var id = q.Id.ToString();
            Required("queue", id, "name", q.Name);
            Required("queue", id, "number", q.Number);
            Number("queue", id, "number", q.Number);
            if (q.WrapUpSeconds is < 0 or > 3600) errors.Add($"queue {id}: wrapUpSeconds {q.WrapUpSeconds} is outside 0..3600");
            if (!string.IsNullOrEmpty(q.MemberInterface) && !MemberInterfaceTemplate().IsMatch(q.MemberInterface))
                errors.Add($"queue {id}: memberInterface '{q.MemberInterface}' is not an interface template such as Local/{{number}}@agents/n");
        }
        var lineNumbers = s.Lines.Select(l => l.Number).ToHashSet();
        foreach (var q in s.Queues.Where(q => lineNumbers.Contains(q.Number)))
            errors.Add($"queue {q.Id}: number '{q.Number}' is already a line number");

        Unique("agentgroup", s.AgentGroups, g => g.Id, "id", g => g.Id.ToString());
        Unique("agentgroup", s.AgentGroups, g => g.Name, "name", g => g.Id.ToString());
        foreach (var g in s.AgentGroups) Required("agentgroup", g.Id.ToString(), "name", g.Name);

        Unique("rightprofile", s.RightProfiles, p => p.Id, "id", p => p.Id.ToString());
        foreach (var p in s.RightProfiles)
        {
            var id = p.Id.ToString();
            Required("rightprofile", id, "name", p.Name);
            if (!Enum.IsDefined(p.Kind)) errors.Add($"rightprofile {id}: kind {(int)p.Kind} is not Admin, Supervisor or NoRight");
            foreach (var q in (p.QueueIds ?? []).Where(q => !queues.Contains(q))) errors.Add($"rightprofile {id}: queueIds {q} does not exist");
            foreach (var g in (p.GroupIds ?? []).Where(g => !groups.Contains(g))) errors.Add($"rightprofile {id}: groupIds {g} does not exist");
        }

        Unique("userstatus", s.UserStatuses, x => x.Name, "name", x => x.Name);
        foreach (var st in s.UserStatuses)
        {
            Required("userstatus", st.Name, "name", st.Name);
            if (!Color().IsMatch(st.Color ?? "")) errors.Add($"userstatus {st.Name}: color '{st.Color}' is not #RRGGBB");
            errors.AddRange(StatusActions.Problems(st.Actions ?? []).Select(problem => $"userstatus {st.Name}: {problem}"));
        }

        Unique("sheetfield", s.SheetFields, x => x.Name, "name", x => x.Name);
        foreach (var f in s.SheetFields)
        {
            Required("sheetfield", f.Name, "name", f.Name);
            if (!SheetTemplate.Types.Contains(f.Type ?? "")) errors.Add($"sheetfield {f.Name}: type '{f.Type}' is not one of {string.Join(", ", SheetTemplate.Types)}");
            if (SheetTemplate.Problem(f.Value ?? "") is { } problem) errors.Add($"sheetfield {f.Name}: value {problem}");
        }

        // Without an administrator nobody could log in to the admin API to repair the configuration.
        var adminProfiles = s.RightProfiles.Where(p => p.Kind == ProfileKind.Admin).Select(p => p.Id).ToHashSet();
        if (!s.Users.Any(u => u.RightProfileId is { } p && adminProfiles.Contains(p)))
            errors.Add(NoAdministrator);

        Unique("contact", s.Contacts, c => c.Id, "id", c => c.Id.ToString());
        foreach (var c in s.Contacts)
        {
            var id = c.Id.ToString();
            if (string.IsNullOrWhiteSpace(c.FirstName) && string.IsNullOrWhiteSpace(c.LastName)) errors.Add($"contact {id}: firstName or lastName is required");
            Number("contact", id, "number", c.Number);
            Number("contact", id, "mobile", c.Mobile);
        }
        errors.AddRange(DirectorySourceRules.Errors(s.DirectorySources));
        return errors;
    }

    public const string NoAdministrator =
        "no user holds the Admin profile: at least one user needs a rightProfileId whose rightprofile has kind Admin, or nobody could administer the configuration";

    public static void Validate(ConfigSnapshot s)
    {
        var errors = Errors(s);
        if (errors.Count > 0) throw new ConfigValidationException(errors);
    }
}
