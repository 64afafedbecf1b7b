using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// A body that never ends a line or an event must not grow the reader's memory without bound: past
    /// <see cref="CometApiEventStream.MaxEventBytes"/> it is a broken stream.
    /// </summary>
    public class EventStreamLimitTests
    {
        [Fact]
        public async Task A_line_that_never_ends_is_InvalidEventStream_once_it_passes_the_limit()
        {
            var body = new EndlessStream(Encoding.ASCII.GetBytes("data: "), Encoding.ASCII.GetBytes("aaaaaaaa"));

            CometApiContractException exception = await Assert.ThrowsAsync<CometApiContractException>(() => ReadAllAsync(body));

            Assert.Equal(CometApiContractErrorKind.InvalidEventStream, exception.Kind);
            Assert.InRange(body.Produced, CometApiEventStream.MaxEventBytes, 2L * CometApiEventStream.MaxEventBytes);
        }

        [Fact]
        public async Task An_event_whose_data_lines_never_end_it_is_InvalidEventStream_once_it_passes_the_limit()
        {
            byte[] line = Encoding.ASCII.GetBytes("data: " + new string('b', 64 * 1024) + "\n");
            var body = new EndlessStream(Array.Empty<byte>(), line);

            CometApiContractException exception = await Assert.ThrowsAsync<CometApiContractException>(() => ReadAllAsync(body));

            Assert.Equal(CometApiContractErrorKind.InvalidEventStream, exception.Kind);
            Assert.InRange(body.Produced, CometApiEventStream.MaxEventBytes, 2L * CometApiEventStream.MaxEventBytes);
        }

        [Fact]
        public async Task An_event_just_under_the_limit_is_still_read()
        {
            // One data line, line break included, exactly at the limit.
            string head = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"";
            string tail = "\"},\"finish_reason\":null}]}";
            string content = new('c', CometApiEventStream.MaxEventBytes - "data: ".Length - head.Length - tail.Length - "\n".Length);
            byte[] body = Encoding.ASCII.GetBytes("data: " + head + content + tail + "\n\ndata: [DONE]\n\n");

            int events = 0;
            await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(new MemoryStream(body)))
            {
                Assert.Equal(content.Length, chunk.Choices[0].Delta.Content!.Length);
                events++;
            }

            Assert.Equal(1, events);
        }

        private static async Task ReadAllAsync(Stream body)
        {
            await foreach (ChatCompletionChunk _ in CometApiEventStream.ReadAsync(body))
            {
            }
        }

        /// <summary>A prefix, then one pattern repeated forever; counts what it handed out.</summary>
        private sealed class EndlessStream(byte[] prefix, byte[] pattern) : Stream
        {
            private long _position;

            public long Produced => _position;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => _position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                for (int i = 0; i < buffer.Length; i++, _position++)
                {
                    buffer[i] = _position < prefix.Length ? prefix[_position] : pattern[(_position - prefix.Length) % pattern.Length];
                }

                return buffer.Length;
            }

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
