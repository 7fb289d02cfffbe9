namespace Subtensor.Storage.Chain;

/// <summary>The database was written with a schema version this node does not understand.</summary>
public sealed class SchemaVersionException : DatabaseOpenException
{
    public SchemaVersionException(uint found, uint supported)
        : base(found > supported
            ? $"the database has schema version {found}, newer than the newest this node understands ({supported}); " +
              "run a newer node or use another database path"
            : $"the database has schema version {found}, which this node (schema {supported}) cannot read or migrate")
    {
        Found = found;
        Supported = supported;
    }

    public SchemaVersionException()
    {
    }

    public SchemaVersionException(string message)
        : base(message)
    {
    }

    public SchemaVersionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public uint Found { get; }

    public uint Supported { get; }
}
