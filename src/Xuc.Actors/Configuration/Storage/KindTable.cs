using System.Linq.Expressions;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;

namespace Xuc.Actors.Configuration.Storage;

/// <summary>The table of one kind of configuration object, read and written by key (never the whole store for one object).</summary>
internal interface IKindTable
{
    Task<object?> FindAsync(DataConnection db, string key);
    Task<IReadOnlyList<object>> ListAsync(DataConnection db);
    Task WriteAsync(DataConnection db, object item);
    Task DeleteAsync(DataConnection db, IReadOnlyCollection<string> keys);
    Task InsertAsync(DataConnection db, IReadOnlyCollection<object> items);
}

internal delegate bool KeyParser<TKey>(string text, out TKey key);

internal sealed class KindTable<TModel, TRow, TKey>(
    Func<TModel, TRow> toRow,
    Func<TRow, TModel> toModel,
    Expression<Func<TRow, TKey>> keyOf,
    KeyParser<TKey> parseKey) : IKindTable where TRow : class where TKey : notnull
{
    /// <summary>Keys per DELETE statement: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int KeysPerStatement = 500;

    private static readonly BulkCopyOptions Bulk = new() { BulkCopyType = BulkCopyType.MultipleRows };

    public async Task<object?> FindAsync(DataConnection db, string key)
    {
        if (!parseKey(key, out var k)) return null;
        var row = await db.GetTable<TRow>().Where(Equal(k)).FirstOrDefaultAsync();
        return row is null ? null : toModel(row);
    }

    public async Task<IReadOnlyList<object>> ListAsync(DataConnection db)
        => (await db.GetTable<TRow>().OrderBy(keyOf).ToListAsync()).Select(r => (object)toModel(r)!).ToList();

    public Task WriteAsync(DataConnection db, object item) => db.InsertOrReplaceAsync(toRow((TModel)item));

    public async Task DeleteAsync(DataConnection db, IReadOnlyCollection<string> keys)
    {
        var parsed = keys.Select(k => (Ok: parseKey(k, out var key), Key: key)).Where(p => p.Ok).Select(p => p.Key);
        foreach (var chunk in parsed.Chunk(KeysPerStatement))
            await db.GetTable<TRow>().Where(In(chunk)).DeleteAsync();
    }

    public async Task InsertAsync(DataConnection db, IReadOnlyCollection<object> items)
    {
        if (items.Count > 0) await db.BulkCopyAsync(Bulk, items.Select(i => toRow((TModel)i)));
    }

    /// <summary>
    /// <c>row.Key == key</c> with the key read from a holder, as a closure would: linq2db makes it a parameter and
    /// reuses the compiled query, where a constant key would compile a new query for every key read.
    /// </summary>
    private Expression<Func<TRow, bool>> Equal(TKey key)
        => Expression.Lambda<Func<TRow, bool>>(
            Expression.Equal(keyOf.Body, Expression.Field(Expression.Constant(new KeyHolder(key)), nameof(KeyHolder.Key))), keyOf.Parameters);

    private sealed class KeyHolder(TKey key)
    {
        public readonly TKey Key = key;
    }

    private Expression<Func<TRow, bool>> In(TKey[] keys)
        => Expression.Lambda<Func<TRow, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], Expression.Constant(keys), keyOf.Body), keyOf.Parameters);
}
