package org.mailwright.findings;

import java.util.List;

/**
 * One kind of finding, declared once in its area's enum ({@link SpfFinding}, {@link DkimFinding},
 * {@link DmarcFinding}): a stable id, the one severity it always has, and the names of the
 * arguments its words mention, in order. The words themselves are in the catalogue's bundles.
 */
public interface FindingType {

    /** What an area's enum constant declares: everything but the words. */
    record Declaration(String id, Severity severity, List<String> argumentNames) {
        public Declaration(String id, Severity severity, String... argumentNames) {
            this(id, severity, List.of(argumentNames));
        }
    }

    Declaration declaration();

    /** The stable id, {@code area.kebab-name}, for example {@code spf.too-many-lookups}. */
    default String id() {
        return declaration().id();
    }

    /** How much it matters; the same wherever the finding is made. */
    default Severity severity() {
        return declaration().severity();
    }

    /** What the words' placeholders {@code {0}}, {@code {1}}... stand for. */
    default List<String> argumentNames() {
        return declaration().argumentNames();
    }

    /**
     * Whether it says only what could not be learned (a lookup that failed, a list that refused to
     * answer), not how the domain is: an area with nothing else earns no grade.
     */
    default boolean inconclusive() {
        return false;
    }

    /** The area, the id's first part: {@code spf}, {@code dkim}, {@code dmarc}. */
    default String area() {
        return id().substring(0, id().indexOf('.'));
    }

    /**
     * The catalogue its words are in, {@code findings-<catalogue>.properties}: its area's own,
     * unless several small areas share one.
     */
    default String catalogue() {
        return area();
    }

    /**
     * A finding of this type about {@code arguments}.
     *
     * @throws IllegalArgumentException when the count of arguments is not the declared one
     */
    default Finding of(Object... arguments) {
        return new Finding(this, List.of(arguments));
    }
}
