package org.gongjian.identity;

import java.util.List;

/** A directory file with errors: each names where (row and column, or line) and what; nothing was imported. */
public class DirectoryFileException extends RuntimeException {

    private final List<String> problems;

    public DirectoryFileException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
