package org.gongjian.system;

import java.util.List;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list that can grow, read from the database with LIMIT and OFFSET: the rows, its
 * number (from 1), the page size and how many rows there are in all, so that a page shows where
 * it is and links to the pages beside it instead of cutting the list at a hidden limit.
 */
public record Page<T>(List<T> rows, int number, int size, long total) {

    /** The page asked for (a number from 1, clamped to the pages there are) of a list of {@code total} rows. */
    public static <T> Page<T> of(int asked, int size, long total, BiFunction<Integer, Integer, List<T>> limitOffset) {
        int pages = pages(total, size);
        int number = Math.max(1, Math.min(asked, pages));
        return new Page<>(limitOffset.apply(size, (number - 1) * size), number, size, total);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int pages() {
        return pages(total, size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /** A link to page {@code n} of this list under the query parameter {@code param}, the request's other parameters kept. */
    public String link(String param, int n) {
        String query = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            query = request.getQueryString();
        }
        return "?" + UriComponentsBuilder.newInstance().query(query).replaceQueryParam(param, n).build().getQuery();
    }

    private static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
