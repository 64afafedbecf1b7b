using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>
    /// A virtual clock for the generated client: nothing sleeps for real. A <c>Task.Delay</c> (a retry's backoff) is recorded
    /// in <see cref="Delays"/> and the clock moves forward to its end at once, firing any timer due on the way (a total
    /// timeout that ends first fires first); the timers of <c>CancellationTokenSource</c>s (attempt and total timeouts) fire only
    /// when virtual time passes them, as when a stub server "takes" time with <see cref="Advance"/>.
    /// A timer is a delay's when its state is the delay's task (how <c>Task.Delay(TimeSpan, TimeProvider, ...)</c> creates it);
    /// a <c>CancellationTokenSource</c>'s state is the source itself.
    /// </summary>
    internal sealed class TestClock : TimeProvider
    {
        private static readonly DateTimeOffset Epoch = new(2026, 5, 9, 12, 0, 0, TimeSpan.Zero);

        private readonly object _gate = new();
        private readonly List<FakeTimer> _timers = new();
        private readonly List<TimeSpan> _delays = new();
        private TimeSpan _elapsed;

        /// <summary>Every backoff the client waited, in order.</summary>
        public IReadOnlyList<TimeSpan> Delays
        {
            get
            {
                lock (_gate)
                {
                    return _delays.ToArray();
                }
            }
        }

        /// <summary>Virtual time since the clock was made.</summary>
        public TimeSpan Elapsed
        {
            get
            {
                lock (_gate)
                {
                    return _elapsed;
                }
            }
        }

        public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Elapsed.Ticks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new FakeTimer(this, callback, state);
            timer.Change(dueTime, period);
            if (state is Task && dueTime != Timeout.InfiniteTimeSpan)
            {
                lock (_gate)
                {
                    _delays.Add(dueTime);
                }

                TimeSpan due = timer.Due;
                ThreadPool.QueueUserWorkItem(_ => AdvanceTo(due));
            }

            return timer;
        }

        /// <summary>Moves virtual time forward, firing every timer that falls due, in order.</summary>
        public void Advance(TimeSpan by) => AdvanceTo(Elapsed + by);

        private void AdvanceTo(TimeSpan target)
        {
            while (true)
            {
                FakeTimer? next = null;
                lock (_gate)
                {
                    foreach (FakeTimer timer in _timers)
                    {
                        if (timer.Due <= target && (next is null || timer.Due < next.Due))
                        {
                            next = timer;
                        }
                    }

                    if (next is null)
                    {
                        if (target > _elapsed)
                        {
                            _elapsed = target;
                        }

                        return;
                    }

                    if (next.Due > _elapsed)
                    {
                        _elapsed = next.Due;
                    }

                    next.Fired();
                }

                next.Invoke();
            }
        }

        private sealed class FakeTimer : ITimer
        {
            private readonly TestClock _clock;
            private readonly TimerCallback _callback;
            private readonly object? _state;
            private TimeSpan _period = Timeout.InfiniteTimeSpan;

            public FakeTimer(TestClock clock, TimerCallback callback, object? state)
            {
                _clock = clock;
                _callback = callback;
                _state = state;
            }

            public TimeSpan Due { get; private set; }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (_clock._gate)
                {
                    _clock._timers.Remove(this);
                    _period = period;
                    if (dueTime != Timeout.InfiniteTimeSpan)
                    {
                        Due = _clock._elapsed + dueTime;
                        _clock._timers.Add(this);
                    }
                }

                return true;
            }

            /// <summary>Under the clock's lock: off the list, or rescheduled when periodic.</summary>
            public void Fired()
            {
                _clock._timers.Remove(this);
                if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                {
                    Due += _period;
                    _clock._timers.Add(this);
                }
            }

            public void Invoke() => _callback(_state);

            public void Dispose()
            {
                lock (_clock._gate)
                {
                    _clock._timers.Remove(this);
                }
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    /// <summary>The jitter's random source, fixed: every draw is <paramref name="value"/>.</summary>
    internal sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
