package org.gongjian.system;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On H2, what a PostgreSQL trigger function does there: refuses every update and delete of an
 * append-only table (see the vendor migrations under {@code db/vendor/}).
 */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException(table.toLowerCase() + " is append-only: " + operation + " refused; post a reversal entry instead",
                "27000");
    }
}
