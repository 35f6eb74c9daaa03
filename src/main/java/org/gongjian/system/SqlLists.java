package org.gongjian.system;

import java.util.Collections;

/** Placeholders for a SQL {@code IN (...)} list of bound values. */
public final class SqlLists {

    private SqlLists() {
    }

    /** "?, ?, ?" for three values; for none, NULL, which matches nothing (an empty IN list is not SQL). */
    public static String placeholders(int n) {
        return n == 0 ? "NULL" : String.join(", ", Collections.nCopies(n, "?"));
    }
}
