using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>
/// The keyset cursor of every list (docs/api.md, "Paging"): the last row's sort values, packed and protected with the
/// host's data protection keys (signed and encrypted) under the list's name (with its sort) as purpose, so a changed or
/// cut cursor, or one of another list or sort, is refused rather than read. A page after a cursor costs what page 1 costs.
/// </summary>
public sealed class ListCursor(IDataProtectionProvider protection)
{
    /// <summary>The longest cursor read (the query check's limit for <c>cursor</c>): the text sort values, names and registration numbers, are far shorter.</summary>
    public const int MaxLength = 1_024;

    private readonly IDataProtector _root = protection.CreateProtector("Pppk.Workflow.List.Cursor.v1");
    private readonly ConcurrentDictionary<string, IDataProtector> _lists = new(StringComparer.Ordinal);

    /// <summary>The cursor after a row with <paramref name="values"/> (each a <see cref="DateTimeOffset"/>, <see cref="Guid"/>, int, long, string or null).</summary>
    public string Write(string list, params object?[] values)
    {
        using var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
            foreach (var value in values)
                switch (value)
                {
                    case null: w.Write((byte)'n'); break;
                    case DateTimeOffset t: w.Write((byte)'t'); w.Write(t.UtcTicks); break;
                    case Guid g: w.Write((byte)'g'); w.Write(g.ToByteArray()); break;
                    case int i: w.Write((byte)'i'); w.Write(i); break;
                    case long l: w.Write((byte)'l'); w.Write(l); break;
                    case string s: w.Write((byte)'s'); w.Write(s); break;
                    default: throw new ArgumentException($"A cursor cannot carry a {value.GetType().Name}.", nameof(values));
                }
        return WebEncoders.Base64UrlEncode(Protector(list).Protect(bytes.ToArray()));
    }

    /// <summary>The sort values a cursor carries, or null when it is not one this host gave out for <paramref name="list"/>.</summary>
    public object?[]? Read(string? cursor, string list)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength) return null;
        try
        {
            using var r = new BinaryReader(new MemoryStream(Protector(list).Unprotect(WebEncoders.Base64UrlDecode(cursor))), Encoding.UTF8);
            var values = new List<object?>();
            while (r.BaseStream.Position < r.BaseStream.Length)
                values.Add(r.ReadByte() switch
                {
                    (byte)'n' => null,
                    (byte)'t' => new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero),
                    (byte)'g' => new Guid(r.ReadBytes(16)),
                    (byte)'i' => r.ReadInt32(),
                    (byte)'l' => r.ReadInt64(),
                    (byte)'s' => r.ReadString(),
                    _ => throw new FormatException("Unknown cursor value."),
                });
            return values.Count > 0 ? [.. values] : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }

    private IDataProtector Protector(string list) => _lists.GetOrAdd(list, _root.CreateProtector);
}

/// <summary>
/// A list's total without counting a large list: exact up to <see cref="Cap"/> rows, else <see cref="Cap"/> with
/// <c>totalCapped: true</c> (the screens show "10.000+"). Counting stops at the cap (<c>LIMIT cap + 1</c>), so a
/// million matching rows cost what 10,001 cost. Capped rather than estimated: an estimate from the planner's statistics is
/// wrong by any factor for filtered and access-restricted lists, and a person acts on "more than 10,000" the same way.
/// </summary>
public static class ListTotal
{
    public const int Cap = 10_000;

    /// <summary>Counts <c>SELECT 1 FROM … WHERE …</c> (<paramref name="rows"/>) up to <paramref name="cap"/>.</summary>
    public static async Task<(int Total, bool Capped)> CountAsync(Npgsql.NpgsqlDataSource db, string rows, Database.SqlFilter filter, CancellationToken ct, int cap = Cap)
    {
        await using var count = filter.Bind(db.CreateCommand($"SELECT count(*) FROM ({rows} LIMIT {cap + 1}) c"));
        return Of((int)(long)(await count.ExecuteScalarAsync(ct))!, cap);
    }

    /// <summary>The same for an EF Core query.</summary>
    public static async Task<(int Total, bool Capped)> CountAsync<T>(IQueryable<T> query, CancellationToken ct, int cap = Cap) =>
        Of(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query.Take(cap + 1), ct), cap);

    private static (int, bool) Of(int counted, int cap) => counted > cap ? (cap, true) : (counted, false);
}

/// <summary>The keyset condition of a page read by cursor: the rows after the last one, in the list's order.</summary>
public static class Keyset
{
    /// <summary>
    /// Adds <c>(keys) &lt; (after)</c> (newest first) or <c>&gt;</c> when <paramref name="after"/> is given: one row comparison,
    /// which a btree index over the same keys answers by seeking, whatever the depth. The keys must all run one way.
    /// </summary>
    public static Database.SqlFilter After(this Database.SqlFilter filter, object?[]? after, bool descending, params string[] keys)
    {
        if (after is null) return filter;
        var parameters = keys.Select((_, i) => ($"k{i}", after[i] ?? DBNull.Value)).ToArray();
        return filter.Add($"({string.Join(", ", keys)}) {(descending ? "<" : ">")} ({string.Join(", ", parameters.Select(p => "@" + p.Item1))})", parameters);
    }
}
