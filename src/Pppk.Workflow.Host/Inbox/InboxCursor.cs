using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Inbox;

/// <summary>
/// The task list's cursor: the last task's sort values, packed and protected (ASP.NET Core data protection: signed and
/// encrypted with the host's keys), so a changed or cut cursor is refused rather than read.
/// </summary>
internal sealed class InboxCursor(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Pppk.Workflow.Inbox.Cursor.v1");

    public string Write(InboxKey key)
    {
        var sort = TaskInbox.Sorts.ToList().IndexOf(key.Sort);
        var bytes = new byte[1 + 1 + 8 + 4 + 8 + 16];
        bytes[0] = (byte)sort;
        bytes[1] = key.DueAt is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(2), key.DueAt?.UtcTicks ?? 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), key.Priority);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(14), key.CreatedAt.UtcTicks);
        key.Id.TryWriteBytes(bytes.AsSpan(22));
        return WebEncoders.Base64UrlEncode(_protector.Protect(bytes));
    }

    /// <summary>The key a cursor carries, or null when it is not one this host gave out for <paramref name="sort"/>.</summary>
    public InboxKey? Read(string cursor, string sort)
    {
        byte[] bytes;
        try
        {
            bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(cursor));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        var sorts = TaskInbox.Sorts.ToList();
        if (bytes.Length != 38 || bytes[0] >= sorts.Count || sorts[bytes[0]] != sort) return null;
        var due = bytes[1] == 1 ? new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(2)), TimeSpan.Zero) : (DateTimeOffset?)null;
        return new InboxKey(sort, due, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(10)),
            new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(14)), TimeSpan.Zero), new Guid(bytes.AsSpan(22, 16)));
    }
}
