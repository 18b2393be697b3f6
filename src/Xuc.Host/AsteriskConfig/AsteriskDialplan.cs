using System.Text;
using Xuc.Actors.Configuration;

namespace Xuc.Host.AsteriskConfig;

/// <summary>
/// extensions.conf for the store: each line's number rings its device through <c>xuc-line</c>, which honours the
/// user's phone services the CTI writes to AstDB as XiVO/Wazo/FreePBX dialplans read them (<c>DND/</c>number =
/// <c>YES</c>; <c>CF/</c> unconditional, <c>CFU/</c> no answer, <c>CFB/</c> busy = the destination), then his
/// voicemail; each queue's number runs <c>Queue()</c>; the <c>agents</c> context rings a line for a Local queue member
/// (<c>Local/1006@agents/n</c>); <c>*98</c> is the caller's voicemail; numbers starting with 0 reach an answering
/// "outside world" (there is no trunk).
/// </summary>
public static class AsteriskDialplan
{
    public const string AgentsContext = "agents";

    public static string For(ConfigSnapshot config, IReadOnlyList<Phone> phones, AsteriskConfigOptions o)
    {
        var s = new StringBuilder($"[general]\nstatic = yes\nwriteprotect = yes\n\n[globals]\nXUC_RING_SECONDS = {o.RingSeconds}\n");
        var contexts = phones.Select(p => p.Line.Context).Concat(config.Queues.Select(q => q.Context)).Distinct().Order(StringComparer.Ordinal);
        foreach (var context in contexts)
        {
            s.Append($"\n[{context}]\n");
            foreach (var p in phones.Where(p => p.Line.Context == context))
                s.Append($"exten => {p.Line.Number},hint,PJSIP/{p.Endpoint}\nexten => {p.Line.Number},1,Gosub(xuc-line,s,1({p.Line.Number},PJSIP/{p.Endpoint},{p.Mailbox},{context}))\n same => n,Hangup()\n");
            foreach (var q in config.Queues.Where(q => q.Context == context).OrderBy(q => q.Id))
                s.Append($"exten => {q.Number},1,Queue({q.Name},t)\n same => n,Hangup()\n");
            s.Append($"exten => *98,1,VoiceMailMain(${{CALLERID(num)}}@{context})\n same => n,Hangup()\n");
            s.Append("exten => _0.,1,Goto(xuc-outside,s,1)\n");
        }
        s.Append($"\n[{AgentsContext}]\n");
        foreach (var p in phones) s.Append($"exten => {p.Line.Number},1,Dial(PJSIP/{p.Endpoint},,t)\n same => n,Hangup()\n");
        s.Append(Subroutines);
        return s.ToString();
    }

    private const string Subroutines = """

        [xuc-line]
        ; ARG1 the line's number, ARG2 its device, ARG3 the user's mailbox (empty: none), ARG4 the line's context
        exten => s,1,Gosub(xuc-astdb,s,1(DND,${ARG1}))
         same => n,GotoIf($["${GOSUB_RETVAL}" = "YES"]?dnd)
         same => n,Gosub(xuc-astdb,s,1(CF,${ARG1}))
         same => n,GotoIf($["${GOSUB_RETVAL}" != ""]?forward)
         same => n,Dial(${ARG2},${XUC_RING_SECONDS},tT)
         same => n,GotoIf($["${DIALSTATUS}" = "ANSWER" | "${DIALSTATUS}" = "CANCEL"]?done)
         same => n,GotoIf($["${DIALSTATUS}" = "BUSY"]?busy)
         same => n,Gosub(xuc-astdb,s,1(CFU,${ARG1}))
         same => n,GotoIf($["${GOSUB_RETVAL}" != ""]?forward)
         same => n,GotoIf($["${ARG3}" = ""]?done)
         same => n,VoiceMail(${ARG3},u)
         same => n(done),Return()
         same => n(busy),Gosub(xuc-astdb,s,1(CFB,${ARG1}))
         same => n,GotoIf($["${GOSUB_RETVAL}" != ""]?forward)
         same => n(dnd),GotoIf($["${ARG3}" = ""]?refuse)
         same => n,VoiceMail(${ARG3},b)
         same => n,Return()
         same => n(refuse),Busy(5)
         same => n,Return()
         same => n(forward),Dial(Local/${GOSUB_RETVAL}@${ARG4},,tT)
         same => n,Return()

        [xuc-astdb]
        ; the value of AstDB ARG1/ARG2, empty when there is none
        exten => s,1,GotoIf(${DB_EXISTS(${ARG1}/${ARG2})}?found)
         same => n,Return()
         same => n(found),Return(${DB_RESULT})

        [xuc-outside]
        ; the outside world: rings, answers after a second, stays until hung up
        exten => s,1,Ringing()
         same => n,Wait(1)
         same => n,Answer()
         same => n,Wait(3600)
         same => n,Hangup()

        """;
}
