extension SQLiteConnection {
    /// How a ``SQLiteConnection`` opens its database file.
    public enum Mode: Sendable, Hashable {
        /// Read and write, creating the file if it does not exist (`SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE`).
        ///
        /// A new file is created with mode `0600`; SQLite gives its `-wal` and `-shm` files the same mode. The
        /// connection switches the database to WAL and sets `synchronous=FULL`, `foreign_keys=ON` and a 5 s busy
        /// timeout.
        case readWriteCreate
        /// Read only (`SQLITE_OPEN_READONLY`), for a reader next to the writer of a WAL database. The file must
        /// exist. Sets `foreign_keys=ON` and the 5 s busy timeout; writes fail with ``SQLiteError/readOnly``.
        case readOnly
    }
}
