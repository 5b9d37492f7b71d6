using System.CommandLine;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;

namespace Erds.Cli.Commands;

// Prepares a data directory: database schema and the development PKI (root CA, seal, timestamp
// authority). The provider does the same on its first start; this lets an operator see and
// distribute the root certificate before anything runs.
internal static class InitCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var provider = new Option<string>("--provider-name") { Description = "Legal name of the provider.", DefaultValueFactory = _ => "ErdsService Development Provider" };
        var keyType = new Option<SealKeyType>("--seal-key") { Description = "Seal key type.", DefaultValueFactory = _ => SealKeyType.EcdsaP256 };
        var command = new Command("init", "Create the database and the development keys in the data directory.") { provider, keyType };
        database.AddTo(command);
        CliAction.Set(command, async (parse, cancellationToken) =>
        {
            var directory = parse.GetValue(database.DataDirectory)!;
            await using (await database.OpenAsync(parse, cancellationToken)) { }
            var pki = Path.Combine(directory, "pki");
            try
            {
                DevelopmentPki.LoadOrCreate(pki, parse.GetValue(keyType), parse.GetValue(provider)!, TimeProvider.System);
            }
            catch (KeyMaterialException ex)
            {
                throw new CliError(ex.Message);
            }
            Console.WriteLine($"data directory: {directory}");
            Console.WriteLine($"root certificate (give this to auditors): {Path.Combine(pki, DevelopmentPkiFiles.RootCertificate)}");
        });
        return command;
    }
}
