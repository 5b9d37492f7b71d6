namespace Erds.Evidence.Tests.Xml;

/// <summary>Files of the repository that tests read, found from the test binaries upwards.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string EvidenceSchema => Path.Combine(Root, "schemas", "etsi", "19522-3-evidence.xsd");

    public static string ExampleMinimalEvidence => Path.Combine(Root, "schemas", "etsi", "example-minimal-evidence.xml");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ErdsService.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No ErdsService.sln above {AppContext.BaseDirectory}; tests must run inside the repository.");
    }
}
