using System.Globalization;
using System.Text.RegularExpressions;
using Xuc.Ami.Framing;

namespace Xuc.Ami.Recording;

/// <summary>
/// Reads what people paste as an AMI stream: a recording (<see cref="AmiRecordingFormat"/>), raw AMI, or an Asterisk
/// log with <c>manager set debug on</c> (<c>&lt;-- Examining AMI event (N): --&gt;</c> blocks, manager.c
/// should_send_event) with or without the logger's line prefixes (<c>[Nov 28 02:11:31] VERBOSE[1234][C-00000001] manager.c: </c>,
/// logger.c format_log_default). A line that is not <c>Key: Value</c> after its prefix is stripped is skipped and
/// counted, and it ends the message in progress, so it is never glued into the next one; so does an
/// <c>Event:</c>/<c>Response:</c> header after other headers (Asterisk writes it first), but for a <c>Response:</c> inside an event (OriginateResponse's). Client actions seen in a debug log (<c>Action:</c> blocks) are left out,
/// and an event repeated with the same debug <c>SequenceNumber</c> (manager.c examines each event once per session)
/// is kept once. A message's time comes from a <c>;; t=</c> comment, else its log prefix, else its <c>Timestamp</c> header.
/// </summary>
public static partial class AmiCaptureReader
{
    private const string BannerPrefix = "Asterisk Call Manager/";

    // [date] LEVEL[lwp][C-callid] file.c: … (file log) or [date] LEVEL[lwp][C-callid]: file.c:line func: … (console)
    [GeneratedRegex(@"^\[(?<ts>[^\]]+)\]\s+[A-Z_]+\[\d+\](?:\[C-[0-9A-Fa-f]+\])?:?\s*(?:[\w\-]+\.[ch](?::\d+)?(?:\s+(?:in\s+)?\w+)?:\s?)?")]
    private static partial Regex LogPrefix();

    // syslog: Nov 28 02:11:31 host asterisk[123]: VERBOSE[456][C-…]: manager.c:5703 in should_send_event: …
    [GeneratedRegex(@"^(?<ts>[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d)\s+\S+\s+asterisk\[\d+\]:\s+[A-Z_]+\[\d+\](?:\[C-[0-9A-Fa-f]+\])?:\s+(?:[\w\-]+\.[ch]:\d+\s+in\s+\w+:\s?)?")]
    private static partial Regex SyslogPrefix();

    // the CLI prompt and the console's verbose markers
    [GeneratedRegex(@"^(?:\S*\*CLI>\s*|\s*(?:--|==|>)\s+(?=[A-Za-z]))")]
    private static partial Regex ConsolePrefix();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-.()/]*:(?: |$)")]
    private static partial Regex Header();

    private static readonly string[] LogDateFormats =
    [
        "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss", "MMM d HH:mm:ss", "MMM dd HH:mm:ss",
        "MMM d HH:mm:ss.fff", "MMM dd HH:mm:ss.fff",
    ];

    public static AmiCapture ReadFile(string path)
    {
        // Shared, so that a file still being recorded can be read.
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return Read(reader);
    }

    public static AmiCapture Parse(string text) => Read(new StringReader(text));

    public static AmiCapture Read(TextReader reader)
    {
        var state = new ReadState();
        while (reader.ReadLine() is { } raw) state.OnLine(raw);
        state.Flush();
        return new AmiCapture(state.Items, state.SkippedLines, state.SkippedActions, state.Duplicates);
    }

    private sealed class ReadState
    {
        public readonly List<CaptureItem> Items = [];
        public int SkippedLines, SkippedActions, Duplicates;
        private readonly List<KeyValuePair<string, string>> _headers = [];
        private readonly HashSet<string> _sequenceNumbers = [];
        private DateTimeOffset? _commentTime, _logTime, _messageLogTime;

        public void OnLine(string raw)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(AmiRecordingFormat.CommentPrefix, StringComparison.Ordinal)) { OnComment(line); return; }
            line = StripPrefix(line);
            if (line.Length == 0) { Flush(); return; }
            if (line.StartsWith(BannerPrefix, StringComparison.Ordinal))
            {
                Flush();
                Items.Add(new CapturedBanner(_commentTime ?? _logTime, line.Trim()));
                return;
            }
            if (!Header().IsMatch(line))
            {
                SkippedLines++;
                Flush();
                return;
            }
            var colon = line.IndexOf(':');
            var name = line[..colon];
            var value = colon + 1 < line.Length && line[colon + 1] == ' ' ? line[(colon + 2)..] : line[(colon + 1)..];
            // Event/Action always opens a message; Response too, but inside an event (OriginateResponse carries one) it is a field.
            var inEvent = _headers.Count > 0 && _headers[0].Key.Equals("Event", StringComparison.OrdinalIgnoreCase);
            var kind = name.Equals("Event", StringComparison.OrdinalIgnoreCase) || name.Equals("Action", StringComparison.OrdinalIgnoreCase)
                || (name.Equals("Response", StringComparison.OrdinalIgnoreCase) && !inEvent);
            if (kind && _headers.Count > 0) Flush();
            if (_headers.Count == 0) _messageLogTime = _logTime;
            _headers.Add(new(name, value));
        }

        private string StripPrefix(string line)
        {
            if (line.Length == 0) return line;
            if (line[0] == '[' && LogPrefix().Match(line) is { Success: true } log)
            {
                _logTime = ParseLogTime(log.Groups["ts"].Value) ?? _logTime;
                return line[log.Length..];
            }
            if (SyslogPrefix().Match(line) is { Success: true } sys)
            {
                _logTime = ParseLogTime(sys.Groups["ts"].Value) ?? _logTime;
                return line[sys.Length..];
            }
            if (ConsolePrefix().Match(line) is { Success: true, Length: > 0 } console) line = line[console.Length..];
            return line.TrimStart();
        }

        private void OnComment(string line)
        {
            Flush();
            var words = line[AmiRecordingFormat.CommentPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) return;
            if (AmiRecordingFormat.ParseTime(words[0]) is not { } at) return;
            _commentTime = at;
            if (words.Length >= 4 && words[1] == "sent") Items.Add(new CapturedAction(at, words[2], words[3]));
        }

        public void Flush()
        {
            if (_headers.Count == 0) return;
            var message = AmiMessage.From(_headers);
            _headers.Clear();
            if (message["Action"] is not null) { SkippedActions++; return; }
            if (message.IsEvent && message["SequenceNumber"] is { } seq && !_sequenceNumbers.Add(message.EventName + "/" + seq))
            {
                Duplicates++;
                return;
            }
            var at = _commentTime ?? _messageLogTime ?? (message["Timestamp"] is { } ts ? AmiRecordingFormat.ParseTime(ts, prefixed: false) : null);
            _commentTime = null;
            Items.Add(new CapturedMessage(at, message));
        }

        private static DateTimeOffset? ParseLogTime(string text)
            => DateTime.TryParseExact(text.Trim(), LogDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? new DateTimeOffset(t, TimeSpan.Zero) : null;
    }
}
