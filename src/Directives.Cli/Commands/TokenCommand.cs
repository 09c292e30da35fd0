using System.CommandLine;
using Directives.Server.Auth;

namespace Directives.Cli.Commands;

/// <summary><c>directives token</c>: mints a Development token and prints only the token, for <c>$(...)</c>.</summary>
internal static class TokenCommand
{
    private static readonly string[] CentralRoles = ["ministry", "platform-admin"];
    private static readonly string[] Roles = ["viewer", "officer", "secretariat", "province-admin", .. CentralRoles];

    public static Command Create()
    {
        var role = new Option<string>("--role", "-r") { Description = "The role: " + string.Join(", ", Roles) + ".", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var agency = new Option<string?>("--agency") { Description = "The officer's agency id (cong-an-tinh); required for the officer role." };
        var subject = new Option<string>("--subject") { Description = "The sub claim.", DefaultValueFactory = _ => Environment.UserName };
        var name = new Option<string?>("--name") { Description = "The display name, for example \"Nguyễn Thị Lan\"." };
        var hours = new Option<double>("--hours") { Description = "How long the token is valid.", DefaultValueFactory = _ => 8 };
        var command = new Command("token", """
            Mint a Development token, signed with the well-known key that a server in the Development environment
            (as `dotnet run --project src/Directives.Server` starts it) accepts. Prints only the token:
              export DIRECTIVES_TOKEN=$(directives token --province hung-yen --role viewer)
            Provincial roles need --province; ministry and platform-admin act above provinces and take none.
            """)
        {
            role, agency, subject, name, hours,
        };
        command.SetRun((context, _) =>
        {
            var roleName = context.ParseValue(role)!;
            var province = context.ProvinceOrNullFromOption();
            var central = CentralRoles.Contains(roleName);
            if (central && province is not null)
            {
                throw new UsageException($"The {roleName} role acts above provinces: give no --province.");
            }

            if (!central && province is null)
            {
                throw new UsageException($"The {roleName} role acts in one province: give --province.");
            }

            if (roleName == "officer" && context.ParseValue(agency) is null)
            {
                throw new UsageException("The officer role needs --agency.");
            }

            var token = new DevelopmentTokenIssuer().Issue(new DevelopmentTokenRequest(context.ParseValue(subject)!, [roleName])
            {
                Province = province,
                Agency = context.ParseValue(agency),
                DisplayName = context.ParseValue(name),
                Lifetime = TimeSpan.FromHours(context.ParseValue(hours)),
            });
            Console.Out.WriteLine(token);
            return Task.CompletedTask;
        });
        return command;
    }
}
