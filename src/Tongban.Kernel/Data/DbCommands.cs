using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tongban.Kernel.Data;

/// <summary>Hand-written statements (bulk and hot paths EF Core does not serve) write values exactly as EF Core would.</summary>
public static class DbCommands
{
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Adds <paramref name="statement"/>'s SQL to <paramref name="batch"/> with these provider values for its parameters,
    /// in order: a prepared statement run many times in one round trip where the provider can (PostgreSQL).
    /// </summary>
    public static DbBatchCommand Add(this DbBatch batch, DbCommand statement, IReadOnlyList<object?> values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = statement.CommandText;
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = statement.Parameters[i].ParameterName;
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>A value as the provider stores it for <paramref name="property"/> (e.g. the kernel's tick encoding of instants on SQLite).</summary>
    public static object? ToProvider(this IProperty property, object? value) =>
        value is not null && property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
}
