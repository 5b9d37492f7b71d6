using System.Text.Json;
using System.Text.Json.Nodes;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// The OpenAPI document is the contract with courts and firms: the committed copy must be the one the
// API generates. Regenerate with: ERDS_UPDATE_OPENAPI=1 scripts/test.sh --filter-class '*OpenApiDocumentTests'
public sealed class OpenApiDocumentTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task The_committed_OpenAPI_document_is_the_one_the_API_generates()
    {
        var generated = JsonNode.Parse(await fixture.Provider.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var text = generated.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = Path.Combine(ExternalTool.RepositoryRoot(), "schemas", "openapi", "erds-v1.json");
        if (Environment.GetEnvironmentVariable("ERDS_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, text);
        }
        Assert.True(File.Exists(path), $"{path} is missing; generate it with ERDS_UPDATE_OPENAPI=1.");
        Assert.True(JsonNode.DeepEquals(generated, JsonNode.Parse(await File.ReadAllTextAsync(path))),
            "schemas/openapi/erds-v1.json differs from the generated document; regenerate it with ERDS_UPDATE_OPENAPI=1 and review the change.");
    }

    [Fact]
    public async Task The_document_describes_submission_retrieval_and_evidence()
    {
        var document = JsonNode.Parse(await fixture.Provider.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/messages", paths);
        Assert.Contains("/api/v1/messages/{messageId}/evidence/{evidenceId}", paths);
        Assert.Contains("/api/v1/inbox/{messageId}/content", paths);
        Assert.Equal("ErdsService API", document["info"]!["title"]!.GetValue<string>());
    }

    // Courts' and firms' developers read from the contract how to authenticate and which scope an
    // operation needs.
    [Fact]
    public async Task Every_operation_names_the_bearer_scope_it_needs_and_its_401_and_403()
    {
        var document = JsonNode.Parse(await fixture.Provider.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();
        Assert.Equal(18 - 3, operations.Count);
        Assert.All(operations, o =>
        {
            var scopes = o.Operation["security"]![0]!["bearer"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
            Assert.True(scopes.Count == 1 && Erds.Persistence.Entities.ApiScopes.All.Contains(scopes[0]), $"{o.Method} {o.Path}: {string.Join(",", scopes)}");
            Assert.NotNull(o.Operation["responses"]!["401"]);
            Assert.NotNull(o.Operation["responses"]!["403"]);
        });
        Assert.Equal("administer", document["paths"]!["/api/v1/access-log"]!["get"]!["security"]![0]!["bearer"]![0]!.GetValue<string>());
    }
}
