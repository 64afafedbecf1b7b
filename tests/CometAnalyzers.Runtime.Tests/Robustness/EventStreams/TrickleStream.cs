using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CometAnalyzers.Runtime.Tests.Robustness.EventStreams
{
    /// <summary>A read-only body that hands out a seeded random number of bytes per read, as a network stream does.</summary>
    internal sealed class TrickleStream : Stream
    {
        private readonly byte[] _body;
        private readonly Random _random;
        private readonly int _maxRead;
        private int _position;

        public TrickleStream(byte[] body, Random random, int maxRead)
        {
            _body = body;
            _random = random;
            _maxRead = maxRead;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int count = Math.Min(Math.Min(buffer.Length, 1 + _random.Next(_maxRead)), _body.Length - _position);
            _body.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
