namespace Erds.Evidence.Tests.TestSupport;

/// <summary>
/// Runs code on a thread with a small stack (1 MiB, Windows' default for a thread; .NET on Linux gives
/// pool threads 1.5 MiB), so that a test shows what a server thread survives, not what the test
/// runner's thread happens to have.
/// </summary>
internal static class SmallStack
{
    public const int Bytes = 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, Bytes);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("The work failed on the small-stack thread.", failure);
    }
}
