using System.Text;
using Xuc.Actors.Configuration;

namespace Xuc.Host.AsteriskConfig;

/// <summary>
/// The configuration files of an Asterisk 22 that serves Xuc's configuration store (docs/real-asterisk.md): every
/// directory under <see cref="AsteriskConfigOptions.Root"/> (nothing touches the system's <c>/etc/asterisk</c>), only
/// the modules the CTI needs, the manager user on 127.0.0.1, one PJSIP endpoint per line with a static contact to its
/// phone, the queues, the users' dialplan (<see cref="AsteriskDialplan"/>), voicemail boxes and ConfBridge profiles.
/// </summary>
public static class AsteriskFiles
{
    /// <summary>The modules loaded (autoload off): the SIP stack, the applications and functions the dialplan and the CTI use.</summary>
    public static readonly IReadOnlyList<string> Modules =
    [
        "res_timing_timerfd", "res_pjproject", "res_sorcery_config", "res_sorcery_memory", "res_sorcery_astdb", "res_rtp_asterisk",
        "res_pjsip", "res_pjsip_session", "res_pjsip_pubsub", "res_pjsip_authenticator_digest", "res_pjsip_endpoint_identifier_user",
        "res_pjsip_endpoint_identifier_ip", "res_pjsip_caller_id", "res_pjsip_sdp_rtp", "res_pjsip_dtmf_info", "res_pjsip_diversion",
        "res_pjsip_rfc3326", "res_pjsip_refer", "res_pjsip_notify", "res_pjsip_header_funcs", "res_pjsip_outbound_publish", "res_pjsip_exten_state",
        "res_pjsip_pidf_body_generator", "res_pjsip_dialog_info_body_generator", "res_pjsip_mwi", "res_pjsip_mwi_body_generator", "chan_pjsip",
        "codec_ulaw", "codec_alaw", "codec_a_mu", "format_wav", "format_pcm", "format_gsm", "codec_gsm", "format_sln",
        "bridge_simple", "bridge_native_rtp", "bridge_softmix", "bridge_holding", "bridge_builtin_features", "bridge_builtin_interval_features",
        "pbx_config", "app_dial", "app_queue", "app_confbridge", "app_chanspy", "app_mixmonitor", "app_voicemail", "app_stack",
        "app_playback", "app_echo", "app_exec", "app_verbose", "app_senddtmf", "app_transfer", "app_originate", "app_bridgewait",
        "app_directed_pickup", "app_userevent", "app_db",
        "func_db", "func_callerid", "func_strings", "func_logic", "func_channel", "func_global", "func_cut", "func_math",
        "func_devstate", "func_hangupcause", "func_vmcount", "func_pjsip_endpoint", "func_pjsip_contact",
        "res_mutestream", "res_manager_devicestate", "res_clioriginate", "res_mwi_devstate",
    ];

    /// <summary>Every file, by name, as written into <c>Root/etc</c>.</summary>
    public static IReadOnlyDictionary<string, string> For(ConfigSnapshot config, AsteriskConfigOptions o)
    {
        var phones = PhonePlan.Of(config, o.PhonePortBase);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["asterisk.conf"] = Asterisk(o),
            ["modules.conf"] = "[modules]\nautoload = no\n" + string.Concat(Modules.Select(m => $"load = {m}.so\n")),
            ["logger.conf"] = "[general]\n[logfiles]\nmessages.log => notice,warning,error\n",
            ["manager.conf"] = Manager(o),
            ["pjsip.conf"] = Pjsip(phones, o),
            ["rtp.conf"] = $"[general]\nrtpstart = {o.RtpStart}\nrtpend = {o.RtpEnd}\n",
            ["queues.conf"] = Queues(config),
            ["extensions.conf"] = AsteriskDialplan.For(config, phones, o),
            ["voicemail.conf"] = Voicemail(phones),
            ["confbridge.conf"] = "[general]\n\n[default_bridge]\ntype = bridge\n\n[default_user]\ntype = user\n",
            ["indications.conf"] = "[general]\ncountry = fr\n\n[fr]\ndescription = France\nringcadence = 1500,3500\ndial = 440\nbusy = 440/500,0/500\nring = 440/1500,0/3500\ncongestion = 440/250,0/250\ncallwaiting = 440/300,0/10000\ndialrecall = !350+440/100,!0/100,!350+440/100,!0/100,!350+440/100,!0/100,350+440\nrecord = 1400/500,0/15000\ninfo = !950/330,!1400/330,!1800/330\nstutter = !440/100,!0/100,!440/100,!0/100,!440/100,!0/100,!440/100,!0/100,!440/100,!0/100,!440/100,!0/100,440\n",
            // Files the core and the loaded modules read: present so that the log says nothing is missing.
            ["cdr.conf"] = "[general]\nenable = no\n",
            ["cel.conf"] = "[general]\nenable = no\n",
            ["features.conf"] = "[general]\n",
            ["ccss.conf"] = "[general]\n",
            ["acl.conf"] = "",
            ["udptl.conf"] = "[general]\n",
            ["pjproject.conf"] = "",
            ["queuerules.conf"] = "",
            ["pjsip_notify.conf"] = "[hold]\nEvent => hold\n\n[talk]\nEvent => talk\n",
            ["phone.xml"] = SippPhone.Scenario(o.AnswerAfter),
            ["phone-never.xml"] = SippPhone.Scenario(null),
            ["phones.txt"] = string.Concat(phones.Select(p => $"{p.Endpoint} {p.Port} {p.Line.Number}\n")),
        };
    }

    private static string Asterisk(AsteriskConfigOptions o) => $"""
        [directories]
        astetcdir => {o.Root}/etc
        astvarlibdir => {o.Root}/lib
        astdbdir => {o.Root}/lib
        astspooldir => {o.Root}/spool
        astrundir => {o.Root}/run
        astlogdir => {o.Root}/log

        [options]
        verbose = 0
        debug = 0
        defaultlanguage = en
        documentation_language = en_US

        """;

    private static string Manager(AsteriskConfigOptions o) => $"""
        [general]
        enabled = yes
        port = {o.AmiPort}
        bindaddr = 127.0.0.1
        displayconnects = no

        [{o.AmiUser}]
        secret = {o.AmiSecret}
        deny = 0.0.0.0/0.0.0.0
        permit = 127.0.0.1/255.255.255.255
        read = all
        write = all
        writetimeout = 5000

        """;

    private static string Pjsip(IReadOnlyList<Phone> phones, AsteriskConfigOptions o)
    {
        var s = new StringBuilder($"""
            [global]
            type = global
            user_agent = Xuc-Asterisk
            endpoint_identifier_order = username,ip

            [transport-udp]
            type = transport
            protocol = udp
            bind = 127.0.0.1:{o.SipPort}


            """);
        foreach (var p in phones)
        {
            s.Append($"""
                [{p.Endpoint}]
                type = endpoint
                transport = transport-udp
                context = {p.Line.Context}
                disallow = all
                allow = ulaw,alaw
                aors = {p.Endpoint}
                callerid = "{p.CallerName}" <{p.Line.Number}>
                direct_media = no
                send_connected_line = no
                {(p.Mailbox is { } box ? "mailboxes = " + box : "")}

                [{p.Endpoint}]
                type = aor
                contact = sip:{p.Endpoint}@127.0.0.1:{p.Port}
                max_contacts = 1


                """);
        }
        return s.ToString();
    }

    private static string Queues(ConfigSnapshot config)
    {
        var s = new StringBuilder("[general]\npersistentmembers = yes\nshared_lastcall = yes\n\n");
        foreach (var q in config.Queues.OrderBy(q => q.Id))
            s.Append($"""
                [{q.Name}]
                strategy = ringall
                timeout = 15
                retry = 1
                wrapuptime = {q.WrapUpSeconds}
                joinempty = yes
                leavewhenempty = no
                announce-frequency = 0
                autofill = yes


                """);
        return s.ToString();
    }

    private static string Voicemail(IReadOnlyList<Phone> phones)
    {
        var s = new StringBuilder("[general]\nformat = wav\nattach = no\nmaxmsg = 100\n");
        foreach (var group in phones.Where(p => p.Mailbox is not null).GroupBy(p => p.Mailbox!.Split('@')[1]))
        {
            s.Append($"\n[{group.Key}]\n");
            foreach (var p in group.DistinctBy(p => p.Mailbox)) s.Append($"{p.Mailbox!.Split('@')[0]} => {p.Line.Number},{p.CallerName}\n");
        }
        return s.ToString();
    }
}
