using Xunit;

namespace Erds.Host.Tests.Distributed;

// The real servers scripts/test.sh starts. A missing one fails the test, loudly: these tests never skip.
public static class DistributedEnvironment
{
    // amqp://guest:guest@127.0.0.1:<port>/
    public static string RabbitMq => Required("ERDS_TEST_RABBITMQ", "RabbitMQ");

    // An administrative connection string: each deployment creates and drops its own database.
    public static string Postgres => Required("ERDS_TEST_POSTGRES", "PostgreSQL");

    // A shell command that stops and starts the RabbitMQ node again (for the crash test).
    public static string RabbitMqRestart => Required("ERDS_TEST_RABBITMQ_RESTART", "the RabbitMQ restart command");

    private static string Required(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        Assert.False(string.IsNullOrWhiteSpace(value),
            $"{variable} is not set: {what} is needed for the distributed tests. Run them through scripts/test.sh, which starts the servers.");
        return value!;
    }
}
