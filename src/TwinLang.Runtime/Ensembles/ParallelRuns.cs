using System.Runtime.ExceptionServices;

namespace TwinLang.Runtime.Ensembles;

/// <summary>
/// Runs independent jobs on up to a given number of threads and returns their results by job index, so the
/// result never depends on the thread count or on scheduling. Workers take the next index from a shared counter.
/// A job's exception (a bug, since simulations report failures as values) stops the remaining jobs and is rethrown.
/// </summary>
public static class ParallelRuns
{
    /// <summary>Runs <paramref name="job"/> for 0 .. <paramref name="count"/> - 1 on up to <paramref name="threads"/> threads (the caller's included).</summary>
    public static T[] Map<T>(int count, int threads, Func<int, T> job)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var work = new Work<T>(count, job);
        var workers = Math.Min(threads, count);
        if (workers <= 1)
        {
            work.Run();
        }
        else
        {
            var helpers = new Thread[workers - 1];
            for (var i = 0; i < helpers.Length; i++)
            {
                helpers[i] = new Thread(work.Run) { IsBackground = true, Name = "TwinLang ensemble worker" };
                helpers[i].Start();
            }

            work.Run();
            foreach (var helper in helpers)
            {
                helper.Join();
            }
        }

        work.Error?.Throw();
        return work.Results;
    }

    private sealed class Work<T>(int count, Func<int, T> job)
    {
        private int _next = -1;
        private ExceptionDispatchInfo? _error;

        public T[] Results { get; } = new T[count];

        public ExceptionDispatchInfo? Error => Volatile.Read(ref _error);

        public void Run()
        {
            try
            {
                int index;
                while (Error is null && (index = Interlocked.Increment(ref _next)) < count)
                {
                    Results[index] = job(index);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
            }
        }
    }
}
