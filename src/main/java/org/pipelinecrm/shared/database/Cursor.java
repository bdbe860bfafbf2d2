package org.pipelinecrm.shared.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * Reads a query's entities a batch at a time through a database cursor, for exports of any size: the driver fetches
 * {@link #BATCH} rows per round trip (only inside a transaction, which the caller holds), and the persistence context
 * is cleared after each batch, so memory stays flat however many rows there are.
 */
public final class Cursor {

    public static final int BATCH = 1000;

    private Cursor() {}

    public static <E> void forEachBatch(EntityManager em, CriteriaQuery<E> query, Consumer<List<E>> each) {
        try (Stream<E> rows = em.createQuery(query)
                .setHint(HibernateHints.HINT_FETCH_SIZE, BATCH)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()) {
            List<E> batch = new ArrayList<>(BATCH);
            rows.forEach(row -> {
                batch.add(row);
                if (batch.size() == BATCH) {
                    each.accept(batch);
                    batch.clear();
                    em.clear();
                }
            });
            if (!batch.isEmpty()) {
                each.accept(batch);
                em.clear();
            }
        }
    }
}
