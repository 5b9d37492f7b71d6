using Erds.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Erds.ServiceDefaults.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Without_roles_a_process_runs_every_service()
    {
        Assert.Equal(new ErdsRoles(true, true, true), ErdsRoles.From(Config()));
    }

    [Theory]
    [InlineData("evidence", false, true, false)]
    [InlineData("submission, consignment", true, false, true)]
    [InlineData("Consignment", false, false, true)]
    public void Roles_pick_the_services_of_a_process(string value, bool submission, bool evidence, bool consignment)
    {
        Assert.Equal(new ErdsRoles(submission, evidence, consignment), ErdsRoles.From(Config(("Erds:Roles", value))));
    }

    [Fact]
    public void An_unknown_role_fails_at_start_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ErdsRoles.From(Config(("Erds:Roles", "evidence,relay-ish"))));
        Assert.Contains("relay-ish", error.Message);
    }

    [Fact]
    public void A_rabbitmq_url_gives_host_port_virtual_host_and_credentials()
    {
        var address = RabbitMqAddress.Parse("amqp://erds:s%40cret@broker.local:5673/erds");
        Assert.Equal(new RabbitMqAddress("broker.local", 5673, "erds", "erds", "s@cret"), address);
    }

    [Fact]
    public void A_rabbitmq_url_without_port_or_virtual_host_uses_the_defaults()
    {
        Assert.Equal(new RabbitMqAddress("localhost", 5672, "/", "guest", "guest"), RabbitMqAddress.Parse("amqp://localhost"));
    }

    [Fact]
    public void A_malformed_rabbitmq_connection_string_fails_clearly()
    {
        Assert.Throws<InvalidOperationException>(() => RabbitMqAddress.Parse("host=localhost;port=5672"));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
