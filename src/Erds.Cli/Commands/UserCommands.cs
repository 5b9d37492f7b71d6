using System.CommandLine;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

internal static class UserCommands
{
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "Organisation handle.", Required = true };
        var name = new Option<string>("--name") { Description = "Full name.", Required = true };
        var email = new Option<string>("--email") { Description = "Personal e-mail address.", Required = true };
        var database = new DatabaseOptions();
        var add = new Command("add", "Add a person who acts for an organisation.") { org, name, email };
        database.AddTo(add);
        CliAction.Set(add, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var organisation = await OrganisationCommands.FindAsync(db, parse.GetValue(org)!, cancellationToken);
            var address = RecordedText.Require(parse.GetValue(email)!, "The e-mail address");
            if (await db.Users.AnyAsync(u => u.OrganisationId == organisation.Id && u.Email == address, cancellationToken))
            {
                throw new CliError($"User {address} already exists in {organisation.Handle}.");
            }
            var user = new OrganisationUser { Id = Guid.NewGuid(), OrganisationId = organisation.Id, Name = RecordedText.Require(parse.GetValue(name)!, "The name"), Email = address, CreatedAt = DateTimeOffset.UtcNow };
            db.Users.Add(user);
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"user {user.Email} added to {organisation.Handle}: {user.Id}");
        });
        return new Command("user", "People acting for organisations (operator).") { add };
    }
}
