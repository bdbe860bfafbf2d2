package org.pipelinecrm.shared;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** The API's list answer: {@code {items, page, size, total}}. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageOf<>(
                page.getContent().stream().map(mapper).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements());
    }

    /** The page index to read, from 0; a page whose first row lies past what a query can skip is a 400. */
    public static int page(int page, int size) {
        int index = Math.max(0, page);
        long last = Integer.MAX_VALUE / Math.max(1, size);
        if (index > last) {
            throw new InvalidInputException("page", "problem.field.page-out-of-range", "page is at most " + last, last);
        }
        return index;
    }

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
