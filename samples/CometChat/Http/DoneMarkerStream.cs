using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CometChat.Http
{
    /// <summary>
    /// A read-only pass-through over an event-stream body that notices the <c>data: [DONE]</c> line going by.
    /// <see cref="CometApi.Contracts.CometApiEventStream.ReadAsync"/> ends the same way at <c>[DONE]</c> and at a cut-off body,
    /// and the probe must tell the two apart.
    /// </summary>
    internal sealed class DoneMarkerStream : Stream
    {
        private static readonly byte[][] Markers = ["\ndata: [DONE]"u8.ToArray(), "\ndata:[DONE]"u8.ToArray()];
        private const int TailLength = 13; // longest marker minus one: enough to find a marker split across two reads

        private readonly Stream _inner;
        private byte[] _tail = "\n"u8.ToArray(); // the body's start counts as a line start

        public DoneMarkerStream(Stream inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

        /// <summary>True once a <c>data: [DONE]</c> line has been read.</summary>
        public bool SawDone { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            Observe(buffer.AsSpan(offset, read));
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Observe(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Observe(ReadOnlySpan<byte> read)
        {
            if (SawDone || read.IsEmpty)
            {
                return;
            }

            byte[] window = new byte[_tail.Length + read.Length];
            _tail.CopyTo(window, 0);
            read.CopyTo(window.AsSpan(_tail.Length));
            foreach (byte[] marker in Markers)
            {
                if (window.AsSpan().IndexOf(marker) >= 0)
                {
                    SawDone = true;
                    return;
                }
            }

            _tail = window.AsSpan(Math.Max(0, window.Length - TailLength)).ToArray();
        }
    }
}
