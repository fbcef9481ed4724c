using System.Globalization;
using System.Text;

namespace TwinLang.LanguageServer.JsonRpc;

/// <summary>
/// The base protocol's framing: <c>Content-Length: N\r\n\r\n</c> followed by N bytes of UTF-8 JSON.
/// Reading returns null at end of stream; a malformed header is skipped up to the next blank line so one
/// bad frame never ends the session.
/// </summary>
public sealed class MessageReader(Stream input)
{
    private readonly Stream _input = input;

    /// <summary>Reads the next message body, or null at end of input. Throws <see cref="FormatException"/> on a bad header.</summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        while (true)
        {
            var line = await ReadHeaderLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
                {
                    throw new FormatException($"Invalid Content-Length header '{line}'.");
                }

                length = parsed;
            }
        }

        if (length is null)
        {
            throw new FormatException("Message header has no Content-Length.");
        }

        var body = new byte[length.Value];
        var read = 0;
        while (read < body.Length)
        {
            var n = await _input.ReadAsync(body.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return body;
    }

    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var n = await _input.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return bytes.Count == 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
            }

            if (one[0] == (byte)'\n')
            {
                if (bytes.Count > 0 && bytes[^1] == (byte)'\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }

                return Encoding.ASCII.GetString(bytes.ToArray());
            }

            bytes.Add(one[0]);
        }
    }
}

/// <summary>Writes framed messages; one lock so responses and notifications from several threads never interleave.</summary>
public sealed class MessageWriter(Stream output)
{
    private readonly Stream _output = output;
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Writes one framed message.</summary>
    public async Task WriteAsync(byte[] body, CancellationToken cancellationToken = default)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await _output.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }
}
