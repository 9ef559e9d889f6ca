using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Users;

/// <summary>What an account's user name and email must be, checked before Identity sees them so each problem has a code and Indonesian text.</summary>
internal static class UserAccountRules
{
    public static async Task<IResult?> ProblemAsync(string? userName, string? email, string? userId, UserManager<AppUser> users, Language language)
    {
        var problems = new List<(string Field, LocalizedText Text)>();
        var name = UserPlace.Blank(userName);
        if (name is null) problems.Add(("userName", UserTexts.NameRequired.Format()));
        else if (name.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c))) problems.Add(("userName", UserTexts.NameInvalid.Format(name)));
        else if (userId is null && await users.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(name)))
            problems.Add(("userName", UserTexts.NameTaken.Format(name)));
        if (UserPlace.Blank(email) is { } address && !IsEmail(address)) problems.Add(("email", UserTexts.EmailInvalid.Format(address)));
        return problems.Count > 0 ? FieldsProblem.Invalid(problems, language) : null;
    }

    /// <summary>The password rules (length, kinds of characters) as one problem with the rule's own words in brackets.</summary>
    public static async Task<IResult?> PasswordProblemAsync(string password, UserManager<AppUser> users, Language language)
    {
        foreach (var validator in users.PasswordValidators)
            if (await validator.ValidateAsync(users, new AppUser(), password) is { Succeeded: false } failed)
                return FieldsProblem.Invalid([("password", UserTexts.PasswordWeak.Format(string.Join(" ", failed.Errors.Select(e => e.Description))))], language);
        return null;
    }

    private static bool IsEmail(string address) =>
        MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && parsed.Host.Contains('.') && !parsed.Host.EndsWith('.');
}
