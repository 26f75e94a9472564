namespace NewsBot.Storage;

public enum DatabaseProvider { Sqlite, Postgres }
