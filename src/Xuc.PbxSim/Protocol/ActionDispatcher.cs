using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Xuc.PbxSim.Model;

namespace Xuc.PbxSim.Protocol;

/// <summary>
/// Answers each manager action as Asterisk 18 does: the same response headers and the same error wording
/// (manager.c, app_queue.c, app_confbridge.c, res_pjsip_notify.c). Returns false when the session must close.
/// </summary>
internal static class ActionDispatcher
{
    private static readonly HashSet<string> OpenActions = new(StringComparer.OrdinalIgnoreCase) { "Login", "Challenge", "Logoff", "Ping" };

    public static bool Handle(AmiServerSession s, PbxSimulator sim, AmiRequest r)
    {
        var id = r.ActionId;
        var action = r.Action;
        if (action.Length == 0) { s.Write(Error(id, "Missing action in request")); return true; }
        if (!s.Authenticated && !OpenActions.Contains(action)) { s.Write(Error(id, "Permission denied")); return true; }
        var model = sim.Model;

        switch (action.ToLowerInvariant())
        {
            case "login": return Login(s, sim, r);
            case "challenge":
                if (!string.Equals(r["AuthType"], "MD5", StringComparison.OrdinalIgnoreCase)) { s.Write(Error(id, "Must specify AuthType")); return true; }
                s.Challenge ??= ManagerLogin.NewChallenge();
                s.Write(AmiText.Response("Success", id).Add("Challenge", s.Challenge).ToString());
                return true;
            case "logoff":
                s.Write(AmiText.Response("Goodbye", id).Add("Message", "Thanks for all the fish.").ToString());
                return false;
            case "ping":
                var now = DateTimeOffset.UtcNow;
                s.Write(AmiText.Response("Success", id).Add("Ping", "Pong")
                    .Add("Timestamp", $"{now.ToUnixTimeSeconds()}.{now.Ticks % TimeSpan.TicksPerSecond / 10:000000}").ToString());
                return true;
            case "events":
                var mask = r["EventMask"];
                if (mask is null) { s.Write(Error(id, "Invalid event mask")); return true; }
                s.SetEventMask(mask);
                s.Write(AmiText.Response("Success", id).Add("Events", s.EventsOn ? "On" : "Off").ToString());
                return true;

            case "originate":
            {
                // The checks of manager.c's action_originate, in its order and with its words.
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "Channel not specified")); return true; }
                var priorityGiven = r["Priority"] is { Length: > 0 };
                if (priorityGiven && !int.TryParse(r["Priority"], out _)) { s.Write(Error(id, "Invalid priority")); return true; }
                var timeoutMs = 30_000;
                if (r["Timeout"] is { Length: > 0 } to && !int.TryParse(to, out timeoutMs)) { s.Write(Error(id, "Invalid timeout")); return true; }
                if (!channel.Contains('/')) { s.Write(Error(id, "Invalid channel")); return true; }
                var application = r["Application"] is { Length: > 0 } app ? app : null;
                var async = AmiRequest.IsTrue(r["Async"]);
                if (!async && application is null && !priorityGiven)
                {
                    s.Write(Error(id, "Originate with 'Exten' requires 'Context' and 'Priority'"));
                    return true;
                }
                var (cidNum, cidName) = OriginateRequest.ParseCallerId(r["CallerID"]);
                var request = new OriginateRequest
                {
                    Channel = channel, Exten = r["Exten"] ?? "", Context = r["Context"] ?? "", Application = application,
                    Data = r["Data"] ?? "", Variables = r.Variables(), CallerIdNum = cidNum, CallerIdName = cidName,
                    ActionId = id, ChannelId = r["ChannelId"] is { Length: > 0 } cid ? cid : null,
                    Timeout = TimeSpan.FromMilliseconds(Math.Max(1, timeoutMs)),
                };
                if (async)
                {
                    // Queued at once; OriginateResponse reports the outcome.
                    s.Write(Success(id, "Originate successfully queued"));
                    model.Locked(() => model.Originate(request, syncDone: null));
                }
                else
                {
                    // The answer waits for the outcome (and holds the session), and no OriginateResponse is raised.
                    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    s.Busy = done.Task;
                    model.Locked(() => model.Originate(request, ok =>
                    {
                        s.Write(ok ? Success(id, "Originate successfully queued") : Error(id, "Originate failed"));
                        done.TrySetResult();
                    }));
                }
                return true;
            }
            case "hangup":
            {
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel specified")); return true; }
                var found = model.Locked(() =>
                {
                    var c = model.ChannelByName(channel);
                    if (c is null) return false;
                    model.HangupByManager(c, int.TryParse(r["Cause"], out var cause) && cause > 0 ? cause : 16);
                    return true;
                });
                s.Write(found ? Success(id, "Channel Hungup") : Error(id, "No such channel"));
                return true;
            }
            case "redirect":
            {
                // manager.c action_redirect: its checks in order, its words.
                var channel = r["Channel"];
                var context = r["Context"];
                var exten = r["Exten"];
                var priority = r["Priority"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "Channel not specified")); return true; }
                if (string.IsNullOrEmpty(context)) { s.Write(Error(id, "Context not specified")); return true; }
                if (string.IsNullOrEmpty(exten)) { s.Write(Error(id, "Exten not specified")); return true; }
                if (string.IsNullOrEmpty(priority)) { s.Write(Error(id, "Priority not specified")); return true; }
                if (!int.TryParse(priority, out var pi) || pi < 1) { s.Write(Error(id, "Priority is invalid")); return true; }
                var extra = r["ExtraChannel"] is { Length: > 0 } x ? x : null;
                var (ok, message) = model.Locked(() =>
                {
                    var c = model.ChannelByName(channel);
                    if (c is null) return (false, $"Channel does not exist: {channel}");
                    if (extra is null)
                    {
                        model.Redirect(c, exten, context);
                        return (true, "Redirect successful");
                    }
                    var c2 = model.ChannelByName(extra);
                    if (c2 is null) return (false, $"ExtraChannel does not exist: {extra}");
                    model.RedirectBoth(c, c2, exten, context, r["ExtraExten"] is { Length: > 0 } e2 ? e2 : exten,
                        r["ExtraContext"] is { Length: > 0 } x2 ? x2 : context);
                    return (true, "Dual Redirect successful");
                });
                s.Write(ok ? Success(id, message) : Error(id, message));
                return true;
            }
            case "atxfer":
            {
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel specified")); return true; }
                var exten = r["Exten"];
                if (string.IsNullOrEmpty(exten)) { s.Write(Error(id, "No extension specified")); return true; }
                // manager.c action_atxfer: it only queues the feature code and the digits; bridge_basic.c does the rest.
                var found = model.Locked(() =>
                {
                    if (model.ChannelByName(channel) is not { } c) return false;
                    model.ManagerAtxfer(c, exten, r["Context"]);
                    return true;
                });
                s.Write(found ? Success(id, "Atxfer successfully queued") : Error(id, "Channel specified does not exist"));
                return true;
            }
            case "cancelatxfer":
            {
                // manager.c action_cancel_atxfer: queues the atxferabort code on the channel.
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel specified")); return true; }
                var found = model.Locked(() =>
                {
                    if (model.ChannelByName(channel) is not { } c) return false;
                    model.ManagerCancelAtxfer(c);
                    return true;
                });
                s.Write(found ? Success(id, "CancelAtxfer successfully queued") : Error(id, "Channel specified does not exist"));
                return true;
            }
            case "muteaudio":
            {
                // res_mutestream.c manager_mutestream: its checks in order, its words, a bare Success and no event.
                var channel = r["Channel"];
                var state = r["State"];
                var direction = r["Direction"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "Channel not specified")); return true; }
                if (string.IsNullOrEmpty(state)) { s.Write(Error(id, "State not specified")); return true; }
                if (string.IsNullOrEmpty(direction)) { s.Write(Error(id, "Direction not specified")); return true; }
                var error = model.Locked(() => model.ChannelByName(channel) is { } c
                    ? model.MuteAudio(c, direction, AmiRequest.IsTrue(state)) ? null : "Failed to mute/unmute stream"
                    : "No such channel");
                s.Write(error is null ? AmiText.Response("Success", id).ToString() : Error(id, error));
                return true;
            }
            case "blindtransfer":
            {
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel specified")); return true; }
                var exten = r["Exten"];
                if (string.IsNullOrEmpty(exten)) { s.Write(Error(id, "No extension specified")); return true; }
                var error = model.Locked(() => model.ChannelByName(channel) is { } c ? model.BlindTransfer(c, exten, r["Context"] ?? c.Context) : $"Channel specified does not exist");
                s.Write(error is null ? Success(id, "Transfer succeeded") : Error(id, error));
                return true;
            }
            case "setvar":
            {
                var variable = r["Variable"];
                if (string.IsNullOrEmpty(variable)) { s.Write(Error(id, "No variable specified")); return true; }
                var value = r["Value"] ?? "";
                var channel = r["Channel"];
                var ok = model.Locked(() =>
                {
                    if (string.IsNullOrEmpty(channel)) { sim.Globals[variable] = value; return true; }
                    var c = model.ChannelByName(channel);
                    if (c is null) return false;
                    model.SetChannelVariable(c, variable, value);
                    return true;
                });
                s.Write(ok ? Success(id, "Variable Set") : Error(id, "No such channel"));
                return true;
            }
            case "getvar":
            {
                var variable = r["Variable"];
                if (string.IsNullOrEmpty(variable)) { s.Write(Error(id, "No variable specified")); return true; }
                var channel = r["Channel"];
                string? value = null;
                var ok = model.Locked(() =>
                {
                    if (string.IsNullOrEmpty(channel)) { value = sim.Globals.GetValueOrDefault(variable); return true; }
                    var c = model.ChannelByName(channel);
                    if (c is null) return false;
                    value = c.Variables.GetValueOrDefault(variable);
                    return true;
                });
                s.Write(ok ? AmiText.Response("Success", id).Add("Variable", variable).Add("Value", value ?? "").ToString() : Error(id, "No such channel"));
                return true;
            }
            case "playdtmf":
            {
                // app_senddtmf.c manager_play_dtmf: the channel is looked up first, then the digit (only its first character).
                var channel = r["Channel"] ?? "";
                if (model.Locked(() => model.ChannelByName(channel)) is null) { s.Write(Error(id, "Channel not found")); return true; }
                var digit = r["Digit"];
                if (string.IsNullOrEmpty(digit)) { s.Write(Error(id, "No digit specified")); return true; }
                model.Locked(() =>
                {
                    if (model.ChannelByName(channel) is { } c) model.PlayDtmf(c, digit[..1], AmiRequest.IsTrue(r["Receive"]));
                });
                s.Write(Success(id, "DTMF successfully queued"));
                return true;
            }
            case "queueadd":
            {
                var queue = r["Queue"];
                var iface = r["Interface"];
                if (string.IsNullOrEmpty(queue)) { s.Write(Error(id, "'Queue' not specified.")); return true; }
                if (string.IsNullOrEmpty(iface)) { s.Write(Error(id, "'Interface' not specified.")); return true; }
                int.TryParse(r["Penalty"], out var penalty);
                var error = model.AddMember(queue, iface, r["MemberName"], penalty, AmiRequest.IsTrue(r["Paused"]), r["StateInterface"]);
                s.Write(error is null ? Success(id, "Added interface to queue") : Error(id, error));
                return true;
            }
            case "queueremove":
            {
                var queue = r["Queue"];
                var iface = r["Interface"];
                if (string.IsNullOrEmpty(queue) || string.IsNullOrEmpty(iface)) { s.Write(Error(id, "Need 'Queue' and 'Interface' parameters.")); return true; }
                var error = model.RemoveMember(queue, iface);
                s.Write(error is null ? Success(id, "Removed interface from queue") : Error(id, error));
                return true;
            }
            case "queuepause":
            {
                var iface = r["Interface"];
                var paused = r["Paused"];
                if (string.IsNullOrEmpty(iface) || string.IsNullOrEmpty(paused)) { s.Write(Error(id, "Need 'Interface' and 'Paused' parameters.")); return true; }
                var pause = AmiRequest.IsTrue(paused);
                var error = model.PauseMember(iface, pause, r["Queue"], r["Reason"]);
                s.Write(error is null ? Success(id, pause ? "Interface paused successfully" : "Interface unpaused successfully") : Error(id, error));
                return true;
            }
            case "queuepenalty":
            {
                var iface = r["Interface"];
                var penalty = r["Penalty"];
                if (string.IsNullOrEmpty(iface) || string.IsNullOrEmpty(penalty)) { s.Write(Error(id, "Need 'Interface' and 'Penalty' parameters.")); return true; }
                if (!int.TryParse(penalty, out var p)) { s.Write(Error(id, "Invalid penalty")); return true; }
                var error = model.SetPenalty(iface, p, r["Queue"]);
                s.Write(error is null ? Success(id, "Interface penalty set successfully") : Error(id, error));
                return true;
            }
            case "queuestatus":
                List(s, id, "Queue status will follow", "QueueStatusComplete", model.Locked(() => model.QueueStatusEvents(r["Queue"], id).ToList()), actionIdFirst: false);
                return true;
            case "queuesummary":
                List(s, id, "Queue summary will follow", "QueueSummaryComplete", model.Locked(() => model.QueueSummaryEvents(r["Queue"], id).ToList()), actionIdFirst: false);
                return true;
            case "coreshowchannels":
                List(s, id, "Channels will follow", "CoreShowChannelsComplete", model.Locked(() => model.CoreShowChannelEvents(id).ToList()));
                return true;
            case "devicestatelist":
                List(s, id, "Device State Changes will follow", "DeviceStateListComplete", model.Locked(() => model.DeviceStateListEvents(id).ToList()));
                return true;
            case "pjsipshowendpoints":
                List(s, id, "A listing of Endpoints follows, presented as EndpointList events", "EndpointListComplete", model.Locked(() => model.EndpointListEvents(id).ToList()));
                return true;
            case "status":
            {
                var items = model.Locked(() => model.StatusEvents(id).ToList());
                s.Write(AmiText.Response("Success", id).Add("EventList", "start").Add("Message", "Channel status will follow").ToString());
                foreach (var item in items) s.Write(item);
                var done = new AmiText().Add("Event", "StatusComplete");
                if (id is not null) done.Add("ActionID", id);
                s.Write(done.Add("EventList", "Complete").Add("ListItems", items.Count).Add("Items", items.Count).ToString());
                return true;
            }
            case "coresettings":
                s.Write(AmiText.Response("Success", id).Add("AMIversion", sim.Options.AmiVersion).Add("AsteriskVersion", sim.Options.AsteriskVersion)
                    .Add("SystemName", sim.Options.SystemName).Add("CoreMaxCalls", 0).Add("CoreMaxLoadAvg", "0.000000").Add("CoreRunUser", "asterisk")
                    .Add("CoreRunGroup", "asterisk").Add("CoreMaxFilehandles", 0).Add("CoreRealTimeEnabled", "No").Add("CoreCDRenabled", "Yes")
                    .Add("CoreHTTPenabled", "No").Add("SoundsSearchCustomDir", "No").ToString());
                return true;
            case "corestatus":
            {
                var started = sim.Model.Started.UtcDateTime;
                var (current, processed) = model.Locked(() => (model.ChannelCount, model.ChannelsCreated));
                s.Write(AmiText.Response("Success", id).Add("CoreStartupDate", started.ToString("yyyy-MM-dd")).Add("CoreStartupTime", started.ToString("HH:mm:ss"))
                    .Add("CoreReloadDate", started.ToString("yyyy-MM-dd")).Add("CoreReloadTime", started.ToString("HH:mm:ss"))
                    .Add("CoreCurrentCalls", current).Add("CoreProcessedCalls", processed).ToString());
                return true;
            }
            case "extensionstatelist":
                List(s, id, "Extension Statuses will follow", "ExtensionStateListComplete", model.Locked(() => model.ExtensionStateEvents(id).ToList()));
                return true;
            case "mailboxcount":
            {
                var mailbox = r["Mailbox"];
                if (string.IsNullOrEmpty(mailbox)) { s.Write(Error(id, "Mailbox not specified")); return true; }
                var counts = model.Locked(() => model.Mailbox(mailbox)) ?? (0, 0);
                s.Write(AmiText.Response("Success", id).Add("Message", "Mailbox Message Count").Add("Mailbox", mailbox)
                    .Add("UrgMessages", 0).Add("NewMessages", counts.New).Add("OldMessages", counts.Old).ToString());
                return true;
            }
            case "confbridgelistrooms":
            {
                var items = model.Locked(() => model.Conferences.Select(kv =>
                {
                    var t = new AmiText().Add("Event", "ConfbridgeListRooms");
                    if (id is not null) t.Add("ActionID", id);
                    return t.Add("Conference", kv.Key).Add("Parties", kv.Value.Count).Add("Marked", 0).Add("Locked", "No").Add("Muted", "No").ToString();
                }).ToList());
                if (items.Count == 0) { s.Write(Error(id, "No active conferences.")); return true; }
                List(s, id, "Confbridge conferences will follow", "ConfbridgeListRoomsComplete", items);
                return true;
            }
            case "confbridgelist":
            {
                var room = r["Conference"];
                if (string.IsNullOrEmpty(room)) { s.Write(Error(id, "No Conference name provided.")); return true; }
                var none = model.Locked(() => model.Conferences.Count == 0 ? "No active conferences." : model.ConferenceMembers(room) is null ? "No Conference by that name found." : null);
                if (none is not null) { s.Write(Error(id, none)); return true; }
                var items = model.Locked(() => model.ConferenceMembers(room)?.Select(c =>
                {
                    var t = new AmiText().Add("Event", "ConfbridgeList");
                    if (id is not null) t.Add("ActionID", id);
                    t.Add("Conference", room);
                    return PbxModel.ChannelBlock(t, c).Add("Admin", c.ConferenceAdmin ? "Yes" : "No").Add("MarkedUser", "No").Add("WaitMarked", "No").Add("EndMarked", "No")
                        .Add("Waiting", "No").Add("Muted", c.ConferenceMuted ? "Yes" : "No").Add("Talking", "No")
                        .Add("AnsweredTime", (int)(model.Now - (c.Answered ?? c.Created)).TotalSeconds).ToString();
                }).ToList());
                if (items is null || items.Count == 0) { s.Write(Error(id, "No active conferences.")); return true; }
                List(s, id, "Confbridge user list will follow", "ConfbridgeListComplete", items);
                return true;
            }
            case "confbridgemute":
            case "confbridgeunmute":
            case "confbridgekick":
            {
                var room = r["Conference"];
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(room)) { s.Write(Error(id, "No Conference name provided.")); return true; }
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel name provided.")); return true; }
                var kick = action.Equals("ConfbridgeKick", StringComparison.OrdinalIgnoreCase);
                var mute = action.Equals("ConfbridgeMute", StringComparison.OrdinalIgnoreCase);
                var error = model.Locked(() => kick ? model.KickFromConference(room, channel) : model.MuteInConference(room, channel, mute));
                s.Write(error is null ? Success(id, kick ? channel == "all" ? "All participants kicked" : "User kicked" : mute ? "User muted" : "User unmuted") : Error(id, error));
                return true;
            }
            case "pjsipnotify":
            case "sipnotify":
            {
                var endpoint = r["Endpoint"] ?? r["Channel"];
                if (string.IsNullOrEmpty(endpoint) && string.IsNullOrEmpty(r["URI"]))
                {
                    s.Write(Error(id, "PJSIPNotify requires either an endpoint name, a SIP URI, or a channel.")); return true;
                }
                var error = model.Locked(() =>
                {
                    var ep = endpoint is null ? null : model.EndpointByName(endpoint) ?? model.EndpointByName(model.ChannelByName(endpoint)?.Device ?? "");
                    if (ep is null) return $"Unable to retrieve endpoint {endpoint}";
                    return model.Notify(ep, r.Variables());
                });
                s.Write(error is null ? Success(id, "NOTIFY sent") : Error(id, error));
                return true;
            }
            case "dbput":
            {
                var family = r["Family"];
                var key = r["Key"];
                if (string.IsNullOrEmpty(family)) { s.Write(Error(id, "No family specified")); return true; }
                if (string.IsNullOrEmpty(key)) { s.Write(Error(id, "No key specified")); return true; }
                if (sim.Faults.AstDbReadOnly) { s.Write(Error(id, "Failed to update entry")); return true; }
                model.Locked(() => model.DbPut(family, key, r["Val"] ?? ""));
                s.Write(Success(id, "Updated database successfully"));
                return true;
            }
            case "dbget":
            {
                var family = r["Family"];
                var key = r["Key"];
                if (string.IsNullOrEmpty(family)) { s.Write(Error(id, "No family specified.")); return true; }
                if (string.IsNullOrEmpty(key)) { s.Write(Error(id, "No key specified.")); return true; }
                var value = model.Locked(() => model.DbGet(family, key));
                if (value is null) { s.Write(Error(id, "Database entry not found")); return true; }
                var item = new AmiText().Add("Event", "DBGetResponse");
                if (id is not null) item.Add("ActionID", id);
                List(s, id, "Result will follow", "DBGetComplete", [item.Add("Family", family).Add("Key", key).Add("Val", value).ToString()]);
                return true;
            }
            case "mixmonitormute":
            {
                // app_mixmonitor.c manager_mute_mixmonitor: its checks in order, its words; a bare Success.
                var direction = r["Direction"];
                if (string.IsNullOrEmpty(direction)) { s.Write(Error(id, "No direction specified. Must be read, write or both")); return true; }
                if (direction.ToLowerInvariant() is not ("read" or "write" or "both")) { s.Write(Error(id, "Invalid direction specified. Must be read, write or both")); return true; }
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel specified")); return true; }
                var state = r["State"];
                if (string.IsNullOrEmpty(state)) { s.Write(Error(id, "No state specified")); return true; }
                var error = model.Locked(() => model.ChannelByName(channel) is { } c
                    ? model.MixMonitorMute(c, direction, AmiRequest.IsTrue(state)) ? null : "Cannot set mute flag"
                    : "No such channel");
                s.Write(error is null ? AmiText.Response("Success", id).ToString() : Error(id, error));
                return true;
            }
            case "mixmonitor":
            {
                // manager_mixmonitor: mixmonitor_exec("File,Options,Command"); a bare Success.
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel specified")); return true; }
                var error = model.Locked(() => model.ChannelByName(channel) is { } c
                    ? model.StartMixMonitor(c, r["File"] ?? "") ? null : "Could not start monitoring channel"
                    : "No such channel");
                s.Write(error is null ? AmiText.Response("Success", id).ToString() : Error(id, error));
                return true;
            }
            case "stopmixmonitor":
            {
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel specified")); return true; }
                var error = model.Locked(() => model.ChannelByName(channel) is { } c
                    ? model.StopMixMonitor(c) ? null : "Could not stop monitoring channel"
                    : "No such channel");
                s.Write(error is null ? AmiText.Response("Success", id).ToString() : Error(id, error));
                return true;
            }
            case "pausemonitor":
            case "unpausemonitor":
            {
                // res_monitor.c: no event; pausing a channel that records nothing is not an error.
                var channel = r["Channel"];
                if (string.IsNullOrEmpty(channel)) { s.Write(Error(id, "No channel specified")); return true; }
                if (!model.Locked(() => model.ChannelByName(channel) is not null)) { s.Write(Error(id, "No such channel")); return true; }
                s.Write(Success(id, action.Equals("PauseMonitor", StringComparison.OrdinalIgnoreCase)
                    ? "Paused monitoring of the channel" : "Unpaused monitoring of the channel"));
                return true;
            }
            default:
                s.Write(Error(id, $"Invalid/unknown command: {action}. Use Action: ListCommands to show available commands."));
                return true;
        }
    }

    private static bool Login(AmiServerSession s, PbxSimulator sim, AmiRequest r)
    {
        var id = r.ActionId;
        var user = r["Username"] ?? "";
        var ok = ManagerLogin.Verify(sim.Options.ManagerUsers, s.Challenge, r);
        if (!ok)
        {
            // manager.c answers, then drops the session.
            s.Write(Error(id, "Authentication failed"));
            return false;
        }
        if (r["Events"] is { } events) s.SetEventMask(events);
        s.Username = user;
        s.Authenticated = true;
        s.Write(Success(id, "Authentication accepted"));
        if (s.EventsOn)
        {
            var uptime = (int)(DateTimeOffset.UtcNow - sim.Model.Started).TotalSeconds;
            s.Write(AmiText.Event("FullyBooted", "system,all").Add("Uptime", uptime).Add("LastReload", uptime).Add("Status", "Fully Booted").ToString());
            // Asterisk 22 (as recorded) follows it with the security event of the login; 18's simulator never sent it.
            if (sim.Options.AmiVersion.StartsWith("11.", StringComparison.Ordinal)) s.Write(SuccessfulAuth(s, user));
        }
        return true;
    }

    /// <summary>main/security_events.c, as Asterisk 22 sends it to a session reading the security class.</summary>
    private static string SuccessfulAuth(AmiServerSession s, string user)
    {
        var tv = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000");
        static string Address(string endpoint) => "IPV4/TCP/" + endpoint.Replace(':', '/');
        return AmiText.Event("SuccessfulAuth", "security,all").Add("EventTV", tv).Add("Severity", "Informational").Add("Service", "AMI")
            .Add("EventVersion", "1").Add("AccountID", user).Add("SessionID", $"0x{s.GetHashCode():x}").Add("LocalAddress", Address(s.LocalAddress))
            .Add("RemoteAddress", Address(s.RemoteAddress)).Add("UsingPassword", "0").Add("SessionTV", tv).ToString();
    }

    private static void List(AmiServerSession s, string? id, string message, string completeEvent, IReadOnlyList<string> items, bool actionIdFirst = true)
    {
        s.Write(AmiText.Response("Success", id).Add("EventList", "start").Add("Message", message).ToString());
        foreach (var item in items) s.Write(item);
        var done = new AmiText().Add("Event", completeEvent);
        if (actionIdFirst && id is not null) done.Add("ActionID", id);
        done.Add("EventList", "Complete").Add("ListItems", items.Count);
        if (!actionIdFirst && id is not null) done.Add("ActionID", id);
        s.Write(done.ToString());
    }

    private static string Success(string? id, string message) => AmiText.Response("Success", id).Add("Message", message).ToString();
    private static string Error(string? id, string message) => AmiText.Response("Error", id).Add("Message", message).ToString();
}
