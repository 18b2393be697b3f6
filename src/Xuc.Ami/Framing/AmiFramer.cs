using System.Buffers;
using System.Text;

namespace Xuc.Ami.Framing;

/// <summary>
/// Cuts an AMI byte stream into messages. Lines end with <c>\r\n</c> or a bare <c>\n</c>; a message ends with
/// an empty line; the first line may be the banner <c>Asterisk Call Manager/x.y.z</c>. A value may contain
/// <c>: </c>; headers may repeat. Garbage is bounded: a line longer than <see cref="AmiFramerLimits.MaxLineBytes"/>,
/// a message over the header or byte limit is dropped up to its blank line; a message whose blank line is missing
/// is dropped when the next <c>Response:</c>/<c>Event:</c> begins. Feed it any split of the stream: the messages
/// are the same.
/// </summary>
public sealed class AmiFramer
{
    private const string BannerPrefix = "Asterisk Call Manager/";
    private readonly AmiFramerLimits _limits;
    private byte[] _bytes = new byte[4096];
    private int _length;
    private int[] _offsets = new int[64];
    private int _count;
    private bool _hasEvent, _hasResponse; // what the message in progress has seen
    private bool _skipping;
    private bool _expectBanner;

    public AmiFramer(AmiFramerLimits? limits = null, bool expectBanner = true)
    {
        _limits = limits ?? AmiFramerLimits.Default;
        _expectBanner = expectBanner;
    }

    /// <summary>The banner line, once read (e.g. <c>Asterisk Call Manager/5.0.10</c>).</summary>
    public string? Banner { get; private set; }

    /// <summary>Messages dropped as garbage so far.</summary>
    public long Dropped { get; private set; }

    /// <summary>Why each dropped message was dropped (for the log).</summary>
    public event Action<string>? MessageDropped;

    /// <summary>
    /// Parses every complete line of <paramref name="buffer"/>, adding finished messages to <paramref name="output"/>.
    /// Returns the position up to which the buffer was consumed; the rest is an incomplete line to be offered again
    /// with more bytes.
    /// </summary>
    public SequencePosition Parse(in ReadOnlySequence<byte> buffer, ICollection<AmiMessage> output)
    {
        if (buffer.IsSingleSegment) return buffer.GetPosition(ParseSpan(buffer.FirstSpan, output));
        var reader = new SequenceReader<byte>(buffer);
        while (true)
        {
            if (reader.TryReadTo(out ReadOnlySpan<byte> line, (byte)'\n', advancePastDelimiter: true))
            {
                OnLine(line, output);
                continue;
            }
            if (reader.TryReadTo(out ReadOnlySequence<byte> multi, (byte)'\n', advancePastDelimiter: true))
            {
                // The line spans segments: copy it once (bounded by the line limit, checked below).
                if (multi.Length > _limits.MaxLineBytes) { Drop("a header line longer than the line limit"); continue; }
                var rented = ArrayPool<byte>.Shared.Rent((int)multi.Length);
                multi.CopyTo(rented);
                OnLine(rented.AsSpan(0, (int)multi.Length), output);
                ArrayPool<byte>.Shared.Return(rented);
                continue;
            }
            break;
        }
        if (reader.Remaining > _limits.MaxLineBytes)
        {
            // An endless line: throw away what we have of it and everything up to the message's blank line.
            if (!_skipping) Drop("a header line longer than the line limit");
            reader.AdvanceToEnd();
        }
        return reader.Position;
    }

    /// <summary>The common case (one contiguous buffer): scan lines straight off the span. Returns bytes consumed.</summary>
    private int ParseSpan(ReadOnlySpan<byte> span, ICollection<AmiMessage> output)
    {
        var consumed = 0;
        while (true)
        {
            var rest = span[consumed..];
            var nl = rest.IndexOf((byte)'\n');
            if (nl < 0) break;
            OnLine(rest[..nl], output);
            consumed += nl + 1;
        }
        if (span.Length - consumed > _limits.MaxLineBytes)
        {
            if (!_skipping) Drop("a header line longer than the line limit");
            return span.Length;
        }
        return consumed;
    }

    /// <summary>At end of stream: a message left without its blank line is dropped.</summary>
    public void Complete()
    {
        if (_count > 0 && !_skipping) Drop("a message cut off by the end of the stream");
        Reset();
    }

    private void OnLine(ReadOnlySpan<byte> line, ICollection<AmiMessage> output)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];

        if (_expectBanner && _count == 0 && !_skipping)
        {
            _expectBanner = false;
            if (line.StartsWith(Encoding.ASCII.GetBytes(BannerPrefix)))
            {
                Banner = Encoding.ASCII.GetString(line);
                return;
            }
        }

        if (line.IsEmpty)
        {
            if (_skipping) { _skipping = false; Reset(); return; }
            if (_count > 0) output.Add(Emit());
            return;
        }
        if (_skipping) return;

        if (line.Length > _limits.MaxLineBytes) { Drop("a header line longer than the line limit"); return; }

        var colon = line.IndexOf((byte)':');
        var name = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? ReadOnlySpan<byte>.Empty : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ') value = value[1..];

        var isEvent = IsHeader(name, "Event"u8);
        var isResponse = IsHeader(name, "Response"u8);
        // An Event: line while a message is open, or a second Response:, starts a new message: the open one lost
        // its blank line. (A Response: header inside an event, as in OriginateResponse, is an ordinary header.)
        if ((isEvent && (_hasEvent || _hasResponse)) || (isResponse && _hasResponse && !_hasEvent))
        {
            Dropped++;
            MessageDropped?.Invoke("a message without its blank line");
            Reset();
        }
        if (_count >= _limits.MaxHeaders || _length + line.Length > _limits.MaxMessageBytes)
        {
            Drop("a message over the size limit");
            return;
        }
        _hasEvent |= isEvent;
        _hasResponse |= isResponse && !_hasEvent;
        Append(line, name.Length, value.IsEmpty ? line.Length : line.Length - value.Length, value.Length);
    }

    private static bool IsHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> header)
        => name.Length == header.Length && (name[0] | 0x20) == (header[0] | 0x20) && Ascii.EqualsIgnoreCase(name, header);

    /// <summary>Keeps the whole line (one copy) and where its name and value lie in it.</summary>
    private void Append(ReadOnlySpan<byte> line, int nameLength, int valueOffset, int valueLength)
    {
        var need = _length + line.Length;
        if (need > _bytes.Length) Array.Resize(ref _bytes, Math.Max(need, _bytes.Length * 2));
        if ((_count + 1) * 4 > _offsets.Length) Array.Resize(ref _offsets, _offsets.Length * 2);
        var o = _count * 4;
        _offsets[o] = _length;
        _offsets[o + 1] = nameLength;
        _offsets[o + 2] = _length + valueOffset;
        _offsets[o + 3] = valueLength;
        line.CopyTo(_bytes.AsSpan(_length));
        _length += line.Length;
        _count++;
    }

    private AmiMessage Emit()
    {
        var message = new AmiMessage(_bytes.AsSpan(0, _length).ToArray(), _offsets.AsSpan(0, _count * 4).ToArray(), _count);
        Reset();
        return message;
    }

    private void Drop(string why)
    {
        Dropped++;
        MessageDropped?.Invoke(why);
        Reset();
        _skipping = true;
    }

    private void Reset()
    {
        _length = 0;
        _count = 0;
        _hasEvent = _hasResponse = false;
        // Do not keep a buffer a huge message made us grow.
        if (_bytes.Length > 64 * 1024) _bytes = new byte[4096];
        if (_offsets.Length > 1024) _offsets = new int[64];
    }
}
